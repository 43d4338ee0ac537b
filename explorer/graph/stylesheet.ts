import type { EntityKind, ImpactStatus } from '../domain/model.ts';
import { classOf } from './elements.ts';

/**
 * The look of every graph, as cytoscape stylesheet JSON (plain data, so it is testable and the
 * legend and SVG export read the same colours). Kinds differ in colour and shape, so the map
 * still reads in greyscale print; impact status overrides the fill.
 */

export interface KindStyle {
  readonly color: string;
  readonly shape: string;
}

export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = {
  SYSTEM: { color: '#1d4ed8', shape: 'round-rectangle' },
  USAGE: { color: '#0e7490', shape: 'ellipse' },
  CONTRACT: { color: '#b45309', shape: 'rectangle' },
  ORGANIZATION: { color: '#475569', shape: 'round-octagon' },
  ORG_UNIT: { color: '#7c3aed', shape: 'round-tag' },
  INTERFACE: { color: '#15803d', shape: 'diamond' },
  DATA_TYPE: { color: '#4d7c0f', shape: 'round-triangle' },
  TASK: { color: '#be185d', shape: 'tag' },
  ARCHITECTURE_COMPONENT: { color: '#0f766e', shape: 'hexagon' },
  RELATION: { color: '#94a3b8', shape: 'ellipse' },
  DATA_PROCESSING: { color: '#a16207', shape: 'round-pentagon' },
};

export const STATUS_COLORS: Readonly<Record<ImpactStatus, string>> = {
  ENDING: '#111827',
  LOST: '#dc2626',
  DEGRADED: '#f59e0b',
  DEPENDENT: '#7c3aed',
};

export const SHARED_COLOR = '#16a34a';
export const UNIQUE_COLOR = '#2563eb';
export const EDGE_COLOR = '#94a3b8';
export const VIA_EDGE_COLOR = '#64748b';
export const HIGHLIGHT_COLOR = '#f97316';

export type StyleBlock = { readonly selector: string; readonly style: Record<string, unknown> };

/** The stylesheet shared by all views. */
export function graphStylesheet(): StyleBlock[] {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        width: 24,
        height: 24,
        'background-color': '#64748b',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, { color, shape }]) => ({
      selector: `node.${classOf(kind)}`,
      style: { 'background-color': color, shape },
    })),
    // A relation's label ("A → B") repeats its two ends; it shows once zoomed in.
    {
      selector: 'node.relation',
      style: { width: 12, height: 12, 'font-size': 8, 'min-zoomed-font-size': 12 },
    },
    { selector: 'node.hub', style: { width: 30, height: 30 } },
    {
      selector: 'node.start',
      style: {
        width: 36,
        height: 36,
        'border-width': 4,
        'border-color': '#f97316',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.has-hidden',
      style: { 'border-width': 2, 'border-style': 'double', 'border-color': '#334155' },
    },
    { selector: 'node.start.has-hidden', style: { 'border-width': 4, 'border-color': '#f97316' } },
    {
      selector: 'node.lifecycle-phasing-out',
      style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#b91c1c' },
    },
    {
      selector: 'node.lifecycle-phasing-in',
      style: { 'border-style': 'dotted', 'border-width': 3, 'border-color': '#15803d' },
    },
    { selector: 'node.lifecycle-not-in-use', style: { opacity: 0.45 } },
    ...Object.entries(STATUS_COLORS).map(([status, color]) => ({
      selector: `node.status-${classOf(status)}`,
      style: { 'background-color': color },
    })),
    { selector: 'node.status-ending', style: { width: 34, height: 34 } },
    { selector: 'node.shared', style: { 'background-color': SHARED_COLOR } },
    { selector: 'node.unique', style: { 'background-color': UNIQUE_COLOR } },
    {
      selector: 'node.municipality',
      style: { width: 44, height: 44, 'font-size': 13, 'font-weight': 'bold' },
    },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f1f5f9',
        'background-opacity': 0.6,
        'border-width': 1,
        'border-color': '#94a3b8',
        'border-style': 'solid',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 12,
        'font-weight': 'bold',
        color: '#334155',
        padding: '14px',
      },
    },
    {
      selector: 'node.group.collapsed',
      style: {
        width: 70,
        height: 46,
        'background-color': '#cbd5e1',
        'background-opacity': 1,
        'border-width': 2,
        'border-style': 'double',
        'text-valign': 'center',
        'text-margin-y': 0,
        'font-size': 10,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': EDGE_COLOR,
        'target-arrow-color': EDGE_COLOR,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        // Edge labels only near the selection (and on via edges): everywhere they drown the graph.
        label: '',
        'font-size': 8,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 9,
      },
    },
    {
      selector: 'edge.near-selection, edge.via, edge.aggregate, edge:selected',
      style: { label: 'data(label)' },
    },
    {
      selector: 'edge.near-selection',
      style: { width: 2, 'line-color': '#475569', 'target-arrow-color': '#475569' },
    },
    { selector: 'edge.undirected', style: { 'target-arrow-shape': 'none' } },
    {
      selector: 'edge.via',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': VIA_EDGE_COLOR,
        'target-arrow-color': VIA_EDGE_COLOR,
        width: 1.5,
      },
    },
    {
      selector: 'edge.aggregate',
      style: { width: 3, 'line-color': '#64748b', 'target-arrow-color': '#64748b' },
    },
    {
      selector: 'edge.in-municipality',
      style: { width: 0.6, opacity: 0.35, 'curve-style': 'straight' },
    },
    {
      selector: 'edge.uses',
      style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 1.6 },
    },
    {
      selector: 'edge.covers.impact',
      style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626' },
    },
    { selector: '.faded', style: { opacity: 0.18 } },
    {
      selector: 'node.on-path',
      style: { 'border-width': 4, 'border-color': HIGHLIGHT_COLOR, opacity: 1 },
    },
    {
      selector: 'edge.on-path',
      style: {
        width: 3.5,
        'line-color': HIGHLIGHT_COLOR,
        'target-arrow-color': HIGHLIGHT_COLOR,
        opacity: 1,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': HIGHLIGHT_COLOR,
        'underlay-opacity': 0.45,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    {
      selector: 'edge:selected',
      style: { width: 3, 'line-color': HIGHLIGHT_COLOR, 'target-arrow-color': HIGHLIGHT_COLOR },
    },
  ];
}

/** Large graphs drop the label backgrounds and edge labels: they cost more than they tell. */
export function largeGraphOverrides(): StyleBlock[] {
  return [
    {
      selector: 'node',
      style: { 'text-wrap': 'none', 'text-background-opacity': 0, 'min-zoomed-font-size': 10 },
    },
    {
      selector: 'edge',
      style: { label: '', 'curve-style': 'haystack', 'target-arrow-shape': 'none' },
    },
    { selector: 'edge.via', style: { 'curve-style': 'straight' } },
  ];
}
