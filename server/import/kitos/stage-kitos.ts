import type { RelationshipFieldDef } from '../../model/graph-model.ts';
import type { PropertyValue } from '../../model/landscape.ts';
import type { Label, OrganizationKind } from '../../model/model-types.ts';
import { lookupEnumValue, parseDate } from '../cell-values.ts';
import { importError, type ImportIssue, type Origin } from '../import-issue.ts';
import { stageTask } from '../kle/stage-task.ts';
import {
  completeRecord,
  relationshipField,
  type ImportStaging,
  type StagedNode,
} from '../staging.ts';
import type {
  KitosContract,
  KitosDataProcessing,
  KitosIdentity,
  KitosInterface,
  KitosKleOption,
  KitosOrganization,
  KitosOrganizationUnit,
  KitosSystem,
  KitosSystemRelation,
  KitosUsage,
} from './kitos-dtos.ts';
import { KitosValues } from './kitos-values.ts';
import { decideUnitMunicipalities } from './unit-municipalities.ts';
import type { KitosDocuments, KitosItem } from './read-kitos-json.ts';

/** Options of the Kitos mapping. */
export interface StageKitosOptions {
  /**
   * The municipality organisation units belong to when the import cannot tell (the unit DTO does
   * not name its organisation). @default inferred
   */
  readonly municipality?: string;
}

const OWNED_FIELDS = new Map<string, readonly RelationshipFieldDef[]>();

/** The model fields a Kitos DTO states completely, one shared list per label and field set. */
function ownedFields(label: Label, fields: readonly string[]): readonly RelationshipFieldDef[] {
  const key = `${label}:${fields.join(',')}`;
  let list = OWNED_FIELDS.get(key);
  if (!list) OWNED_FIELDS.set(key, (list = fields.map((f) => relationshipField(label, f))));
  return list;
}

/** Municipalities outrank suppliers when two references name one organisation differently. */
const STUB_RANK: Record<OrganizationKind, number> = {
  MUNICIPALITY: 2,
  COMMUNITY: 2,
  AUTHORITY: 2,
  SUPPLIER: 1,
};

/** Maps the Kitos documents of one import into the staging area. */
class KitosMapper {
  readonly #staging: ImportStaging;
  readonly #options: StageKitosOptions;
  readonly #values = new KitosValues();
  /** Municipalities whose usages, contracts and registrations name each unit. */
  readonly #unitVotes = new Map<string, Set<string>>();
  /** Organisations that own local records in this import. */
  readonly #contexts = new Set<string>();

  constructor(staging: ImportStaging, options: StageKitosOptions) {
    this.#staging = staging;
    this.#options = options;
  }

  get #issues(): ImportIssue[] {
    return this.#staging.issues;
  }

  /** A Kitos timestamp's date; a malformed one is an error on the record. */
  #date(
    node: StagedNode | null,
    origin: Origin,
    field: string,
    value: string | null | undefined,
  ): string | null {
    if (!value) return null;
    const parsed = parseDate(value);
    if (parsed.ok) return parsed.value;
    const issue = importError(origin, 'BAD_DATE', parsed.message, field);
    if (node) this.#staging.reject(node, issue);
    else this.#issues.push(issue);
    return null;
  }

  /** A referenced organisation becomes a placeholder record (created if missing, never overwritten). */
  #organization(
    ref: { uuid: string; name?: string | null; cvr?: string | null },
    kind: OrganizationKind,
    origin: Origin,
  ): string {
    this.#staging.addNode(
      {
        label: 'Organization',
        id: ref.uuid,
        record: completeRecord('Organization', {
          id: ref.uuid,
          name: ref.name?.trim() || ref.uuid,
          cvr: ref.cvr ?? null,
          kind,
        }),
        origin,
        stub: true,
        ownedFields: [],
        valid: true,
      },
      STUB_RANK[kind],
    );
    return ref.uuid;
  }

  /** Stages a full record; returns it when it holds the id (not a rejected duplicate). */
  #node(
    label: Label,
    id: string,
    values: Record<string, PropertyValue | undefined>,
    origin: Origin,
    fields: readonly string[],
    keepStored?: readonly string[],
  ): StagedNode | undefined {
    const node: StagedNode = {
      label,
      id,
      record: completeRecord(label, { ...values, id }),
      origin,
      stub: false,
      ownedFields: ownedFields(label, fields),
      ...(keepStored ? { keepStored } : {}),
      valid: true,
    };
    return this.#staging.addNode(node) === node ? node : undefined;
  }

  #relate(
    node: StagedNode,
    field: string,
    refs: readonly (KitosIdentity | null | undefined)[] | null | undefined,
    column: string,
  ): void {
    const ids = (refs ?? []).filter((r): r is KitosIdentity => !!r).map((r) => r.uuid);
    if (ids.length > 0)
      this.#staging.relate(node, relationshipField(node.label, field), ids, column);
  }

  #vote(unit: KitosIdentity | null | undefined, municipality: string): void {
    if (!unit) return;
    const votes = this.#unitVotes.get(unit.uuid) ?? new Set<string>();
    votes.add(municipality);
    this.#unitVotes.set(unit.uuid, votes);
  }

  organizations(items: readonly KitosItem<KitosOrganization>[]): void {
    for (const { dto, origin } of items) {
      const kind =
        this.#values.enum(origin, 'organizationType', 'OrganizationKind', dto.organizationType) ??
        'SUPPLIER';
      // Kitos knows no municipality codes or populations: stored ones are kept.
      this.#node(
        'Organization',
        dto.uuid,
        { name: dto.name, cvr: dto.cvr ?? null, kind },
        origin,
        [],
        ['municipalityCode', 'region', 'population'],
      );
    }
  }

  kle(items: readonly KitosItem<KitosKleOption>[]): void {
    for (const { dto, origin } of items) {
      stageTask(
        this.#staging,
        {
          uuid: dto.uuid,
          number: dto.kleNumber,
          title: dto.description,
          parent: dto.parentKle?.uuid ?? null,
        },
        origin,
      );
    }
  }

  systems(items: readonly KitosItem<KitosSystem>[]): void {
    for (const { dto, origin } of items) {
      const scope = dto.scope ? (lookupEnumValue('SystemScope', dto.scope) ?? null) : 'PUBLIC';
      if (scope === null)
        this.#values.note(origin, 'scope', dto.scope ?? '', 'unknown value %s read as PUBLIC');
      const local = scope === 'LOCAL' && dto.organizationContext;
      if (local) this.#organization(dto.organizationContext!, 'MUNICIPALITY', origin);
      const node = this.#node(
        'System',
        dto.uuid,
        {
          name: dto.name,
          description: dto.description ?? null,
          scope: scope ?? 'PUBLIC',
          businessType: this.#values.option(
            origin,
            'businessType',
            'businessType',
            dto.businessType,
          ),
          disabled: dto.deactivated ?? null,
          recommendedArchiveDuty: this.#values.enum(
            origin,
            'recommendedArchiveDuty.id',
            'ArchiveDuty',
            dto.recommendedArchiveDuty?.id,
          ),
          ownerId: local ? dto.organizationContext!.uuid : null,
        },
        origin,
        ['rightsHolder', 'parent', 'tasks'],
      );
      if (!node) continue;
      if (dto.rightsHolder) {
        this.#organization(dto.rightsHolder, 'SUPPLIER', origin);
        this.#relate(node, 'rightsHolder', [dto.rightsHolder], 'rightsHolder');
      }
      this.#relate(node, 'parent', [dto.parentSystem], 'parentSystem');
      this.#relate(node, 'tasks', dto.kle, 'kle');
    }
  }

  interfaces(items: readonly KitosItem<KitosInterface>[]): void {
    for (const { dto, origin } of items) {
      const node = this.#node(
        'Interface',
        dto.uuid,
        {
          name: dto.name,
          interfaceId: dto.interfaceId ?? null,
          version: dto.version ?? null,
          technology: this.#values.option(
            origin,
            'itInterfaceType',
            'interfaceType',
            dto.itInterfaceType,
          ),
          description: dto.description ?? dto.notes ?? null,
        },
        origin,
        ['exposedBy', 'dataTypes'],
      );
      if (!node) continue;
      this.#relate(node, 'exposedBy', [dto.exposedBySystem], 'exposedBySystem');
      const dataTypes: KitosIdentity[] = [];
      for (const row of dto.data ?? []) {
        if (!row.dataType) continue;
        dataTypes.push(row.dataType);
        const name =
          this.#values.option(origin, 'data.dataType', 'dataType', row.dataType) ??
          row.dataType.uuid;
        this.#staging.addNode({
          label: 'DataType',
          id: row.dataType.uuid,
          record: completeRecord('DataType', { id: row.dataType.uuid, name }),
          origin,
          stub: true,
          ownedFields: [],
          valid: true,
        });
      }
      this.#relate(node, 'dataTypes', dataTypes, 'data.dataType');
    }
  }

  usages(items: readonly KitosItem<KitosUsage>[]): void {
    for (const item of items) {
      const { dto, origin } = item;
      const municipality = this.#organization(dto.organizationContext, 'MUNICIPALITY', origin);
      this.#contexts.add(municipality);
      const general = dto.general;
      const users = general?.numberOfExpectedUsers?.lowerBound;
      const levels = (dto.gdpr?.dataSensitivityLevels ?? [])
        .map((level) =>
          this.#values.enum(origin, 'gdpr.dataSensitivityLevels', 'PersonalDataLevel', level),
        )
        .filter((level): level is string => level !== null);
      const node = this.#node(
        'Usage',
        dto.uuid,
        {
          municipalityId: municipality,
          localName: general?.localCallName ?? null,
          localSystemId: general?.localSystemId ?? null,
          lifecycle: this.#values.enum(
            origin,
            'general.validity.lifeCycleStatus',
            'Lifecycle',
            general?.validity?.lifeCycleStatus,
          ),
          hostedAt: this.#values.enum(
            origin,
            'hostedAt',
            'HostedAt',
            general?.hostedAt ?? dto.gdpr?.hostedAt,
          ),
          businessCritical: this.#values.yesNo(
            origin,
            'isBusinessCritical',
            general?.isBusinessCritical ?? dto.gdpr?.isBusinessCritical,
          ),
          criticality: this.#values.enum(
            origin,
            'general.systemUsageCriticalityLevel',
            'Criticality',
            general?.systemUsageCriticalityLevel?.name,
          ),
          personalData: highestPersonalData(levels),
          archiveDuty: this.#values.enum(
            origin,
            'archiving.archiveDuty',
            'ArchiveDuty',
            dto.archiving?.archiveDuty,
          ),
          userCount:
            users === null || users === undefined
              ? null
              : users < 10
                ? 'BELOW_TEN'
                : users < 50
                  ? 'TEN_TO_FIFTY'
                  : users < 100
                    ? 'FIFTY_TO_HUNDRED'
                    : 'HUNDRED_PLUS',
        },
        origin,
        [
          'system',
          'organization',
          'usedBy',
          'responsibleUnit',
          'addedTasks',
          'optedOutTasks',
          'mainContract',
        ],
      );
      if (!node) continue;
      node.record.validFrom = this.#date(
        node,
        origin,
        'general.validity.validFrom',
        general?.validity?.validFrom,
      );
      node.record.validTo = this.#date(
        node,
        origin,
        'general.validity.validTo',
        general?.validity?.validTo,
      );
      this.#relate(node, 'system', [dto.systemContext], 'systemContext');
      this.#relate(node, 'organization', [dto.organizationContext], 'organizationContext');
      const units = dto.organizationUsage;
      this.#relate(
        node,
        'usedBy',
        units?.usingOrganizationUnits,
        'organizationUsage.usingOrganizationUnits',
      );
      this.#relate(
        node,
        'responsibleUnit',
        [units?.responsibleOrganizationUnit],
        'organizationUsage.responsibleOrganizationUnit',
      );
      for (const unit of units?.usingOrganizationUnits ?? []) this.#vote(unit, municipality);
      this.#vote(units?.responsibleOrganizationUnit, municipality);
      this.#relate(
        node,
        'addedTasks',
        dto.localKLEDeviations?.addedKLE,
        'localKLEDeviations.addedKLE',
      );
      this.#relate(
        node,
        'optedOutTasks',
        dto.localKLEDeviations?.removedKLE,
        'localKLEDeviations.removedKLE',
      );
      this.#relate(node, 'mainContract', [general?.mainContract], 'general.mainContract');
      const raw = Array.isArray(item.raw.outgoingSystemRelations)
        ? (item.raw.outgoingSystemRelations as object[])
        : [];
      (dto.outgoingSystemRelations ?? []).forEach((relation, index) => {
        const line = raw[index] ? item.lineOf(raw[index]) : origin.line;
        this.#relation(relation, node, municipality, { ...origin, line });
      });
    }
  }

  #relation(
    dto: KitosSystemRelation,
    usage: StagedNode,
    municipality: string,
    origin: Origin,
  ): void {
    const node = this.#node(
      'Relation',
      dto.uuid,
      {
        municipalityId: municipality,
        frequency: this.#values.option(
          origin,
          'relationFrequency',
          'relationFrequency',
          dto.relationFrequency,
        ),
        description: dto.description ?? null,
      },
      origin,
      ['from', 'to', 'interface', 'contract'],
    );
    if (!node) return;
    this.#staging.relate(
      node,
      relationshipField('Relation', 'from'),
      [usage.id],
      'outgoingSystemRelations',
    );
    this.#relate(node, 'to', [dto.toSystemUsage], 'toSystemUsage');
    this.#relate(node, 'interface', [dto.relationInterface], 'relationInterface');
    this.#relate(node, 'contract', [dto.associatedContract], 'associatedContract');
  }

  contracts(items: readonly KitosItem<KitosContract>[]): void {
    for (const { dto, origin } of items) {
      const municipality = this.#organization(dto.organizationContext, 'MUNICIPALITY', origin);
      this.#contexts.add(municipality);
      const { general, procurement, agreementPeriod: period, termination } = dto;
      const external = dto.payments?.external ?? [];
      const sum = (key: 'acquisition' | 'operation') =>
        external.length === 0 ? null : external.reduce((total, p) => total + (p[key] ?? 0), 0);
      const notice = termination?.terms?.noticePeriodMonths?.name?.trim();
      const noticeMonths = notice ? /^(\d+)/.exec(notice)?.[1] : undefined;
      if (notice && noticeMonths === undefined) {
        this.#values.note(
          origin,
          'termination.terms.noticePeriodMonths',
          notice,
          'notice period %s is not a number of months; left empty',
        );
      }
      const node = this.#node(
        'Contract',
        dto.uuid,
        {
          municipalityId: municipality,
          name: dto.name,
          contractNumber: general?.contractId ?? null,
          contractType: this.#values.option(
            origin,
            'general.contractType',
            'contractType',
            general?.contractType,
          ),
          durationYears: period?.durationYears ?? null,
          durationMonths: period?.durationMonths ?? null,
          ongoing: period?.isContinuous ?? null,
          extensionOption: this.#values.option(
            origin,
            'agreementPeriod.extensionOptions',
            'extensionOptions',
            period?.extensionOptions,
          ),
          extensionsUsed: period?.extensionOptionsUsed ?? null,
          noticeMonths: noticeMonths === undefined ? null : Number(noticeMonths),
          noticeByEndOf: this.#values.enum(
            origin,
            'termination.terms.noticeByEndOf',
            'NoticeByEndOf',
            termination?.terms?.noticeByEndOf,
          ),
          enforcedValid: general?.validity?.enforcedValid ?? null,
          requireValidParent: general?.validity?.requireValidParent ?? null,
          procurementPlanYear: procurement?.procurementPlan?.year ?? null,
          procurementPlanQuarter: procurement?.procurementPlan?.quarterOfYear ?? null,
          procurementStrategy: this.#values.option(
            origin,
            'procurement.procurementStrategy',
            'procurementStrategy',
            procurement?.procurementStrategy,
          ),
          purchaseForm: this.#values.option(
            origin,
            'procurement.purchaseType',
            'purchaseType',
            procurement?.purchaseType,
          ),
          procurementInitiated: this.#values.yesNo(
            origin,
            'procurement.procurementInitiated',
            procurement?.procurementInitiated,
          ),
          criticality: this.#values.option(
            origin,
            'general.criticality',
            'criticality',
            general?.criticality,
          ),
          acquisitionCost: sum('acquisition'),
          yearlyOperationCost: sum('operation'),
        },
        origin,
        ['organization', 'supplier', 'parent', 'covers'],
      );
      if (!node) continue;
      node.record.validFrom = this.#date(
        node,
        origin,
        'general.validity.validFrom',
        general?.validity?.validFrom,
      );
      node.record.validTo = this.#date(
        node,
        origin,
        'general.validity.validTo',
        general?.validity?.validTo,
      );
      node.record.irrevocableUntil = this.#date(
        node,
        origin,
        'agreementPeriod.irrevocableUntil',
        period?.irrevocableUntil,
      );
      node.record.terminatedAt = this.#date(
        node,
        origin,
        'termination.terminatedAt',
        termination?.terminatedAt,
      );
      this.#relate(node, 'organization', [dto.organizationContext], 'organizationContext');
      const supplier = dto.supplier?.organization;
      if (supplier) {
        this.#organization(supplier, 'SUPPLIER', origin);
        this.#relate(node, 'supplier', [supplier], 'supplier.organization');
      }
      this.#relate(node, 'parent', [dto.parentContract], 'parentContract');
      this.#relate(node, 'covers', dto.systemUsages, 'systemUsages');
      this.#vote(dto.responsible?.organizationUnit, municipality);
    }
  }

  dataProcessings(items: readonly KitosItem<KitosDataProcessing>[]): void {
    for (const { dto, origin } of items) {
      const municipality = this.#organization(dto.organizationContext, 'MUNICIPALITY', origin);
      this.#contexts.add(municipality);
      const general = dto.general;
      const node = this.#node(
        'DataProcessing',
        dto.uuid,
        {
          municipalityId: municipality,
          name: dto.name,
          agreementConcluded: this.#values.enum(
            origin,
            'general.isAgreementConcluded',
            'AgreementConcluded',
            general?.isAgreementConcluded,
          ),
          thirdCountryTransfer: this.#values.yesNo(
            origin,
            'general.transferToInsecureThirdCountries',
            general?.transferToInsecureThirdCountries,
          ),
          oversightInterval: this.#values.enum(
            origin,
            'oversight.oversightInterval',
            'OversightInterval',
            dto.oversight?.oversightInterval,
          ),
        },
        origin,
        ['organization', 'usages', 'processors', 'mainContract'],
      );
      if (!node) continue;
      this.#relate(node, 'organization', [dto.organizationContext], 'organizationContext');
      this.#relate(node, 'usages', dto.systemUsages, 'systemUsages');
      for (const processor of general?.dataProcessors ?? [])
        this.#organization(processor, 'SUPPLIER', origin);
      this.#relate(node, 'processors', general?.dataProcessors, 'general.dataProcessors');
      this.#relate(node, 'mainContract', [general?.mainContract], 'general.mainContract');
      this.#vote(general?.responsibleOrganizationUnit, municipality);
    }
  }

  /** Organisation units, each tree in the municipality `decideUnitMunicipalities` finds. */
  units(items: readonly KitosItem<KitosOrganizationUnit>[]): void {
    const trees = decideUnitMunicipalities(items, {
      votes: this.#unitVotes,
      contexts: this.#contexts,
      municipality: this.#options.municipality,
    });
    for (const { units, municipality, problem } of trees) {
      for (const { dto, origin } of units) {
        const node = this.#node(
          'OrgUnit',
          dto.uuid,
          {
            municipalityId: municipality ?? null,
            name: dto.name,
            ean: dto.ean === null || dto.ean === undefined ? null : String(dto.ean),
          },
          origin,
          ['organization', 'parent'],
        );
        if (!node) continue;
        if (municipality === undefined) {
          node.valid = false;
          continue;
        }
        this.#relate(node, 'organization', [{ uuid: municipality, name: null }], 'organization');
        this.#relate(node, 'parent', [dto.parentOrganizationUnit], 'parentOrganizationUnit');
      }
      if (problem) this.#issues.push(problem);
    }
  }

  /** Reports the Kitos values Overblik did not know, once per file and field. */
  reportUnknownValues(): void {
    this.#values.reportTo(this.#issues);
  }
}

const PERSONAL_DATA_ORDER = ['NONE', 'PERSONAL_DATA', 'SENSITIVE_DATA', 'LEGAL_DATA'];

/** The highest of the sensitivity levels a usage registers (Kitos lets it tick several). */
function highestPersonalData(levels: readonly string[]): string | null {
  let best = -1;
  for (const level of levels) best = Math.max(best, PERSONAL_DATA_ORDER.indexOf(level));
  return best < 0 ? null : PERSONAL_DATA_ORDER[best]!;
}

/**
 * Maps everything read from Kitos into records and relationships, keeping Kitos UUIDs as ids.
 * Local records (usages, contracts, registrations, relations, units) belong to their
 * `organizationContext`; organisations the DTOs name become organisation records when missing.
 */
export function stageKitos(
  documents: KitosDocuments,
  staging: ImportStaging,
  options: StageKitosOptions = {},
): void {
  const mapper = new KitosMapper(staging, options);
  mapper.organizations(documents.organizations);
  mapper.kle(documents.kleOptions);
  mapper.systems(documents.systems);
  mapper.interfaces(documents.interfaces);
  mapper.usages(documents.usages);
  mapper.contracts(documents.contracts);
  mapper.dataProcessings(documents.dataProcessings);
  mapper.units(documents.units);
  mapper.reportUnknownValues();
}
