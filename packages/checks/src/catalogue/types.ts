import type { CheckStage, FourProperty } from '../stages.js';

/** How far an item can be computed by the SDK (自动化程度). */
export type CheckAutomation = 'auto' | 'partial' | 'manual';

/** Confidence of a fact transcribed from a standard (see `shared/standards/README.md`). */
export type FactConfidence = 'high' | 'medium' | 'low' | 'unknown';

/** A check stage id: 归档, 移交与接收, 长期保存. */
export type CheckStageId = CheckStage['id'];

/** A property id: 真实性, 完整性, 可用性, 安全性. */
export type FourPropertyId = FourProperty['id'];

/**
 * One DA/T 70-2018 check item as data (检测项目条目). The group (`1-2`) is the standard's stable key; the
 * item id (`GD-1-7`) is the standard's number where it is known and marked `provisional` where it is
 * reconstructed or inferred.
 */
export interface CheckItemDefinition {
  /** Item id, e.g. `GD-1-7`. Provisional where `idConfidence` is below `medium`. */
  readonly id: string;
  readonly stage: CheckStageId;
  /** Group (检测项目) within the stage, e.g. `1-2`; numbering restarts in each stage. */
  readonly group: string;
  /** The group's name in this stage, e.g. `电子文件元数据准确性`. */
  readonly groupName: string;
  readonly property: FourPropertyId;
  /** The item's Chinese name (检测内容), e.g. `档号规范性检测`. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** What is checked (检测对象), e.g. `元数据`. */
  readonly object: string;
  /** One-line method (检测依据和方法, paraphrased). */
  readonly method: string;
  /** The method in English. */
  readonly methodEn?: string;
  /** The normative anchor of the item's group, e.g. `DA/T70-2018:GD:1-2` (stable even where the item id is not). */
  readonly groupKey?: string;
  readonly automation: CheckAutomation;
  /** Severity of a failure unless a profile overrides it. */
  readonly defaultSeverity: 'error' | 'warning';
  readonly idConfidence: FactConfidence;
  readonly nameConfidence: FactConfidence;
  /** The item id is not the standard's confirmed number (reconstructed or inferred). */
  readonly provisional: boolean;
  /** Where the fact comes from, briefly (evidence labels of `checks-dat70.md`). */
  readonly source?: string;
  /**
   * Key of the rule that evaluates the item (e.g. `metadata.length`), shared by the same check in every
   * stage; absent for items only a person or the host system can answer (reported `manual`).
   */
  readonly rule?: string;
}

/**
 * One DA/T 70-2018 check group (检测项目) of one stage: the standard's stable unit (49 in all: GD 16, YJ 16,
 * BC 17), each with its 检测目的.
 */
export interface CheckGroupDefinition {
  readonly stage: CheckStageId;
  /** `1-2`: property number and the group's number within the property (restarts in each stage). */
  readonly group: string;
  /** The normative anchor, e.g. `DA/T70-2018:GD:1-2`. */
  readonly key: string;
  readonly property: FourPropertyId;
  /** The group's name in this stage, e.g. `电子文件元数据准确性`. */
  readonly name: string;
  /** What the group checks (检测对象), e.g. `元数据`. */
  readonly object: string;
  /** 检测目的, paraphrased (Chinese). */
  readonly purpose: string;
  /** How sure the group row is (the 49 groups are high). */
  readonly confidence: FactConfidence;
}
