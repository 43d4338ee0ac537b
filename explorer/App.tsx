import { useMemo, useState, type MouseEvent } from 'react';
import { ApiError } from './api/graphql-client.ts';
import {
  MUNICIPALITIES_QUERY,
  VIEWER_QUERY,
  type MunicipalitiesData,
  type ViewerData,
} from './api/operations.ts';
import { useGraphQuery } from './hooks/useGraphQuery.ts';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { SignIn } from './panels/SignIn.tsx';
import { ErrorMessage } from './panels/StatusMessage.tsx';
import { ViewerBadge } from './panels/ViewerBadge.tsx';
import { LandscapeContext, type LandscapeInfo } from './state/landscape-context.ts';
import { hrefOf, useUrlState } from './state/useUrlState.ts';
import { patchViewState, type View } from './state/url-state.ts';
import { CompareView } from './views/CompareView.tsx';
import { DataQualityView } from './views/DataQualityView.tsx';
import { DeadlinesView } from './views/DeadlinesView.tsx';
import { ImpactView } from './views/ImpactView.tsx';
import { MapView } from './views/MapView.tsx';
import { PerfView } from './views/PerfView.tsx';

const NAVIGATION: readonly { view: View; label: string; help: string }[] = [
  { view: 'map', label: 'Kort', help: 'Afhængigheder: søg, fokusér og udvid' },
  {
    view: 'impact',
    label: 'Konsekvens',
    help: 'Hvad rammes, når kontrakter, en leverandør eller systemer ophører',
  },
  { view: 'deadlines', label: 'Frister', help: 'Kontrakter efter beslut-senest-dato' },
  { view: 'compare', label: 'Sammenlign', help: 'Kommuner side om side; fælles udbud' },
  { view: 'quality', label: 'Datakvalitet', help: 'Fund at rette i Kitos' },
];

/** The shell: navigation between the views, the landscape's municipalities, and the view. */
export function App() {
  const [state, navigate] = useUrlState();
  const [copied, setCopied] = useState(false);
  const viewer = useGraphQuery<ViewerData>(VIEWER_QUERY, {});
  const municipalities = useGraphQuery<MunicipalitiesData>(MUNICIPALITIES_QUERY, {});
  const landscape = useMemo<LandscapeInfo>(() => {
    const list = (municipalities.data?.municipalities ?? []).map((o) => ({
      id: o.id,
      name: o.name,
    }));
    return {
      municipalities: list,
      municipalityNames: new Map(list.map((m) => [m.id, m.name])),
      loading: municipalities.loading,
      error: municipalities.error,
    };
  }, [municipalities.data, municipalities.loading, municipalities.error]);

  const go = (view: View) => (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate({ view });
  };
  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      },
      () => setCopied(false),
    );
  };

  // Server mode without a valid token: nothing but the sign-in.
  if (viewer.error instanceof ApiError && viewer.error.code === 'UNAUTHENTICATED') {
    return <SignIn />;
  }
  const viewProps = { state, navigate };
  return (
    <LandscapeContext.Provider value={landscape}>
      <div className="app">
        <header className="app-header">
          <a className="brand" href="/" onClick={go('map')}>
            Overblik
          </a>
          <nav aria-label="Visninger">
            <ul>
              {NAVIGATION.map((item) => (
                <li key={item.view}>
                  <a
                    href={hrefOf(patchViewState(state, { view: item.view }))}
                    aria-current={state.view === item.view ? 'page' : undefined}
                    title={item.help}
                    onClick={go(item.view)}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <span className="header-gap" />
          {viewer.data && <ViewerBadge viewer={viewer.data.viewer} />}
          <button type="button" onClick={copyLink} title="Adressen rummer hele visningen">
            {copied ? 'Link kopieret' : 'Kopiér link'}
          </button>
        </header>
        {municipalities.error && (
          <ErrorMessage
            error={municipalities.error}
            onRetry={municipalities.refetch}
            title="Landskabet kunne ikke hentes"
          />
        )}
        <ErrorBoundary resetKey={state.view}>
          {state.view === 'map' && <MapView {...viewProps} />}
          {state.view === 'impact' && <ImpactView {...viewProps} />}
          {state.view === 'deadlines' && <DeadlinesView {...viewProps} />}
          {state.view === 'compare' && <CompareView {...viewProps} />}
          {state.view === 'quality' && <DataQualityView {...viewProps} />}
          {state.view === 'perf' && <PerfView state={state} />}
        </ErrorBoundary>
      </div>
    </LandscapeContext.Provider>
  );
}
