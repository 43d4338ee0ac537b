import { useEffect, useState, type FormEvent } from 'react';
import { queryGraphql } from './api/graphql-client.ts';

interface Stats {
  stats: { nodes: { kind: string; count: number }[]; relationships: { count: number }[] };
}

interface Found {
  searchByName: { __typename: string; id: string; name?: string; title?: string }[];
}

const STATS = `{ stats { nodes { kind count } relationships { count } } }`;
const SEARCH = `query Search($text: String!) {
  searchByName(text: $text, first: 25) {
    __typename id
    ... on Organization { name } ... on System { name } ... on Interface { name }
    ... on Contract { name } ... on OrgUnit { name } ... on Task { title }
    ... on DataProcessing { name } ... on ArchitectureComponent { name } ... on DataType { name }
  }
}`;

/** A first look at the landscape: its size and a name search; the map views build on this. */
export function App() {
  const [stats, setStats] = useState<Stats['stats'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found['searchByName'] | null>(null);

  useEffect(() => {
    queryGraphql<Stats>(STATS)
      .then((data) => setStats(data.stats))
      .catch((e: unknown) => setError(String(e)));
  }, []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    queryGraphql<Found>(SEARCH, { text })
      .then((data) => setFound(data.searchByName))
      .catch((e: unknown) => setError(String(e)));
  };

  const nodes = stats?.nodes.reduce((sum, n) => sum + n.count, 0) ?? 0;
  const relationships = stats?.relationships.reduce((sum, r) => sum + r.count, 0) ?? 0;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 900, margin: '2rem auto' }}>
      <h1>Overblik</h1>
      <p>Kommunernes IT-landskab som graf: afhængigheder, kontrakter, frister og sammenligning.</p>
      {error && <p role="alert">Fejl: {error}</p>}
      {stats ? (
        <p>
          Landskabet har {nodes.toLocaleString('da-DK')} elementer og{' '}
          {relationships.toLocaleString('da-DK')} forbindelser:{' '}
          {stats.nodes.map((n) => `${n.kind.toLowerCase()} ${n.count}`).join(', ')}.
        </p>
      ) : (
        !error && <p>Henter landskabet…</p>
      )}
      <form onSubmit={search}>
        <label>
          Søg{' '}
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="system, kontrakt, enhed…"
          />
        </label>{' '}
        <button type="submit">Søg</button>
      </form>
      {found && (
        <table>
          <thead>
            <tr>
              <th align="left">Type</th>
              <th align="left">Navn</th>
              <th align="left">Id</th>
            </tr>
          </thead>
          <tbody>
            {found.map((f) => (
              <tr key={f.id}>
                <td>{f.__typename}</td>
                <td>{f.name ?? f.title}</td>
                <td>
                  <code>{f.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found?.length === 0 && <p>Ingen træf.</p>}
    </main>
  );
}
