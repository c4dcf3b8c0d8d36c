/**
 * The few web-platform globals that shared/ may use: both Node and the browser have them. Only
 * tsconfig.shared.json includes this file; the Node and renderer builds get them from their own
 * type libraries.
 */
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
}
declare var URL: { new (url: string, base?: string): URL };
