import { DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from './demoContent.ts'

/** Where to go and how to log in, printed by the demo and the seed command. */
export function printDemoGuide(port: number): void {
  const lines = [
    '',
    'Cổng tin demo is running:',
    ...DEMO_SITES.map(
      (site) => `  ${site.agency.padEnd(30)} http://${site.hosts[0]}:${port}/   (also http://${site.hosts[1]}:${port}/)`,
    ),
    `  ${'Admin (Vietnamese)'.padEnd(30)} http://localhost:${port}/admin`,
    `  Demo logins, all with password ${DEMO_PASSWORD}:`,
    ...DEMO_USERS.map((user) => `    ${user.email.padEnd(36)} ${user.role}${user.site ? ` (${user.site})` : ' (all sites)'}`),
    '  Stop with Ctrl+C.',
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
