import sharp from 'sharp'

/**
 * Demo photos drawn locally (nothing is downloaded): a conference hall in the site's colours,
 * different for every seed so that each photo is its own file.
 */
export async function drawConferencePhoto(seed: number, primary: string, accent: string): Promise<Buffer> {
  const width = 1200
  const height = 800
  const rows = Array.from({ length: 5 }, (_, row) =>
    Array.from({ length: 12 }, (_, seat) => {
      const x = 60 + seat * 92 + ((row + seed) % 2) * 20
      const y = 470 + row * 62
      return `<circle cx="${x}" cy="${y}" r="${18 + ((seat * 7 + seed) % 5)}" fill="#2b2b2b" opacity="${0.55 + row * 0.08}"/>`
    }).join(''),
  ).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${primary}"/><stop offset="1" stop-color="#3a0505"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#g)"/>
    <rect x="150" y="70" width="900" height="250" rx="8" fill="${accent}" opacity="0.9"/>
    <rect x="${190 + (seed % 4) * 30}" y="110" width="${560 - (seed % 3) * 40}" height="40" fill="${primary}"/>
    <rect x="190" y="180" width="820" height="18" fill="${primary}" opacity="0.7"/>
    <rect x="190" y="215" width="700" height="18" fill="${primary}" opacity="0.7"/>
    <rect x="100" y="360" width="1000" height="60" fill="#6b3e1e"/>
    ${rows}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
