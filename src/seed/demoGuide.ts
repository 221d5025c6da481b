import { DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from './demoContent.ts'

/** Where to go and how to log in, printed by the demo and the seed command. */
export function printDemoGuide(port: number, host?: string): void {
  const reach =
    host === undefined
      ? []
      : ['127.0.0.1', 'localhost', '::1'].includes(host)
        ? [`  Listening on ${host} only: other machines cannot reach it (HOST=0.0.0.0 npm run demo opens it).`]
        : [`  Listening on ${host}: other machines can reach it, and the demo logins below are public.`]
  const lines = [
    '',
    'Cổng tin demo is running:',
    ...DEMO_SITES.map(
      (site) => `  ${site.agency.padEnd(30)} http://${site.hosts[0]}:${port}/   (also http://${site.hosts[1]}:${port}/)`,
    ),
    `  ${'Admin (Vietnamese)'.padEnd(30)} http://localhost:${port}/admin`,
    `  Demo logins, all with password ${DEMO_PASSWORD}:`,
    ...DEMO_USERS.map((user) => `    ${user.email.padEnd(36)} ${user.role}${user.site ? ` (${user.site})` : ' (all sites)'}`),
    ...reach,
    '  Stop with Ctrl+C.',
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
