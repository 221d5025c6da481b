/**
 * Passwords of 12 or more characters that people pick most: from leaked-password lists, keyboard
 * walks, and Vietnamese words and place names. Lowercase; compared case-insensitively.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111',
  '000000000000', '123123123123', 'qwertyuiop12', 'qwertyuiopas', '1qaz2wsx3edc', 'qazwsxedcrfv',
  '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'zaq12wsxcde3', 'asdfghjkl123', 'zxcvbnm12345', 'password1234',
  'password12345', 'password123456', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234',
  'password@123', 'password!123', 'mypassword123', 'iloveyou1234', 'abc123456789', 'abcd12345678',
  'abcdefgh1234', 'abcdefghijkl', '1234qwerasdf', '1234abcd1234', 'qwerty123456', 'qwerty@12345',
  'administrator', 'admin1234567', 'admin@123456', 'administrator1', 'administrator@123',
  'adminadmin12', 'changeme1234', 'welcome12345', 'welcome@1234', 'letmein12345', 'football1234',
  'baseball1234', 'superman1234', 'sunshine1234', 'princess1234', 'dragon123456', 'monkey123456',
  'trustno11234', 'matkhau12345', 'matkhau123456', 'matkhau@1234', 'matkhaumoi123', 'matkhau123@',
  'anhyeuem1234', 'anhyeuem123456', 'emyeuanh1234', 'vietnam12345', 'vietnam@1234',
  'vietnam123456', 'hanoi1234567', 'saigon123456', 'hochiminh123', 'congtin12345', 'congtin@1234',
  'tinhuy123456', 'ubndtinh1234', 'quantri12345', 'quantri@1234', 'bientap12345', 'phongvien123',
  'hoabinh12345', 'kontum123456', '123456a@1234',
]
