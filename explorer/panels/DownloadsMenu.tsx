import { useState, type MouseEvent, type ReactNode } from 'react';
import { fetchApi } from '../api/session.ts';
import { downloadBlob } from '../export/download.ts';
import { useAsync } from '../hooks/useGraphQuery.ts';

/** The server's download address for a slice: focus ids and depth, or a municipality. */
export function exportHref(
  format: 'graphml' | 'json',
  {
    focus = [],
    depth,
    municipality,
  }: { focus?: readonly string[]; depth?: number; municipality?: string | null },
): string {
  const params = new URLSearchParams();
  if (municipality) params.set('municipality', municipality);
  if (focus.length > 0) {
    params.set('focus', focus.join(','));
    params.set('depth', String(depth ?? 1));
  }
  const query = params.toString();
  return `/export/${format}${query ? `?${query}` : ''}`;
}

async function loadCsvFiles(signal: AbortSignal): Promise<string[]> {
  const response = await fetchApi('/export/csv', {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Serveren svarede ${response.status}`);
  const body = (await response.json()) as { files?: string[] };
  return body.files ?? [];
}

/**
 * A download from the server's API. A plain link cannot carry the sign-in of server mode, so the
 * click fetches the file with the token and saves it; the link stays for the address and a11y.
 */
function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  const [failed, setFailed] = useState<string | null>(null);
  const save = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setFailed(null);
    void fetchApi(href).then(
      async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          setFailed(body?.message ?? `Serveren svarede ${response.status}`);
          return;
        }
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
        downloadBlob(await response.blob(), name?.[1] ?? href.split('/').pop()!.split('?')[0]!);
      },
      () => setFailed('Serveren svarer ikke'),
    );
  };
  return (
    <>
      <a href={href} download onClick={save}>
        {children}
      </a>
      {failed && <span role="alert"> kunne ikke hentes ({failed})</span>}
    </>
  );
}

/**
 * The server's downloads of the landscape (GraphML for yEd or Gephi, JSON, and the canonical CSV
 * files for re-import or Excel), for the current slice or municipality.
 */
export function DownloadsMenu({
  focus,
  depth,
  municipality,
}: {
  focus: readonly string[];
  depth: number;
  municipality: string | null;
}) {
  const [open, setOpen] = useState(false);
  const csv = useAsync(open ? 'csv-files' : null, loadCsvFiles);
  const csvQuery = municipality ? `?municipality=${encodeURIComponent(municipality)}` : '';
  const scope = municipality ? 'kommunen' : 'hele landskabet';
  return (
    <details className="downloads" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Hent data</summary>
      <ul>
        {focus.length > 0 && (
          <>
            <li>
              <DownloadLink href={exportHref('graphml', { focus, depth, municipality })}>
                Udsnittet som GraphML
              </DownloadLink>
            </li>
            <li>
              <DownloadLink href={exportHref('json', { focus, depth, municipality })}>
                Udsnittet som JSON
              </DownloadLink>
            </li>
          </>
        )}
        <li>
          <DownloadLink href={exportHref('graphml', { municipality })}>
            {scope[0]!.toUpperCase() + scope.slice(1)} som GraphML
          </DownloadLink>
        </li>
        <li className="csv-files">
          CSV-filer ({scope}):
          {csv.loading && ' henter…'}
          {csv.error && <span role="alert"> kunne ikke hentes ({csv.error.message})</span>}
          {csv.data && (
            <ul>
              {csv.data.map((file) => (
                <li key={file}>
                  <DownloadLink href={`/export/csv/${encodeURIComponent(file)}${csvQuery}`}>
                    {file}
                  </DownloadLink>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </details>
  );
}
