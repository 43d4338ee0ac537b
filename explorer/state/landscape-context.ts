import { createContext, useContext } from 'react';

export interface Municipality {
  readonly id: string;
  readonly name: string;
}

/** What every view needs to know about the landscape: its municipalities, by name. */
export interface LandscapeInfo {
  readonly municipalities: readonly Municipality[];
  readonly municipalityNames: ReadonlyMap<string, string>;
  readonly loading: boolean;
  readonly error: Error | null;
}

export const EMPTY_LANDSCAPE: LandscapeInfo = {
  municipalities: [],
  municipalityNames: new Map(),
  loading: true,
  error: null,
};

export const LandscapeContext = createContext<LandscapeInfo>(EMPTY_LANDSCAPE);

export function useLandscape(): LandscapeInfo {
  return useContext(LandscapeContext);
}
