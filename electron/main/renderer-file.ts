import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The file behind an app:// path, or null when the path is malformed, names a folder or leaves
 * the renderer's folder. Kept apart from the protocol handler so plain Node tests can try it.
 */
export function resolveRendererFile(rendererDir: string, pathname: string): { path: string; url: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || extname(decoded) === '') return null;
  const root = normalize(rendererDir + sep);
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root)) return null;
  return { path, url: pathToFileURL(path).toString() };
}
