import { useState } from 'react';
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
  const response = await fetch('/export/csv', { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Serveren svarede ${response.status}`);
  const body = (await response.json()) as { files?: string[] };
  return body.files ?? [];
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
              <a href={exportHref('graphml', { focus, depth, municipality })} download>
                Udsnittet som GraphML
              </a>
            </li>
            <li>
              <a href={exportHref('json', { focus, depth, municipality })} download>
                Udsnittet som JSON
              </a>
            </li>
          </>
        )}
        <li>
          <a href={exportHref('graphml', { municipality })} download>
            {scope[0]!.toUpperCase() + scope.slice(1)} som GraphML
          </a>
        </li>
        <li className="csv-files">
          CSV-filer ({scope}):
          {csv.loading && ' henter…'}
          {csv.error && <span role="alert"> kunne ikke hentes ({csv.error.message})</span>}
          {csv.data && (
            <ul>
              {csv.data.map((file) => (
                <li key={file}>
                  <a href={`/export/csv/${encodeURIComponent(file)}${csvQuery}`} download>
                    {file}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </details>
  );
}
