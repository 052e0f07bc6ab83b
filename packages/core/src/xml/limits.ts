/** Bounds the XML reader enforces; past one, reading stops with `DanganError('XML_LIMIT_EXCEEDED')`. */
export interface XmlLimits {
  /** Deepest element nesting (default 256). */
  readonly maxDepth?: number;
  /** Most attributes on one element, namespace declarations included (default 256). */
  readonly maxAttributes?: number;
  /** Longest element, attribute, entity or processing-instruction name, in characters (default 1024). */
  readonly maxNameLength?: number;
  /** Longest attribute value, in characters (default 1 Mi). */
  readonly maxAttributeValueLength?: number;
  /** Most bytes of input (default: no limit, since an EEP may hold gigabytes of Base64). */
  readonly maxBytes?: number;
  /** Most elements (default: no limit). */
  readonly maxElements?: number;
}

/** {@link XmlLimits} with defaults applied. */
export interface ResolvedXmlLimits {
  readonly maxDepth: number;
  readonly maxAttributes: number;
  readonly maxNameLength: number;
  readonly maxAttributeValueLength: number;
  readonly maxBytes: number | undefined;
  readonly maxElements: number | undefined;
}

/** The reader's default limits. */
export const DEFAULT_XML_LIMITS: ResolvedXmlLimits = {
  maxDepth: 256,
  maxAttributes: 256,
  maxNameLength: 1024,
  maxAttributeValueLength: 1 << 20,
  maxBytes: undefined,
  maxElements: undefined,
};

/** Applies defaults and checks each given limit is a positive integer (a `RangeError` naming it if not). */
export function resolveXmlLimits(limits: XmlLimits): ResolvedXmlLimits {
  const pick = (key: keyof XmlLimits, fallback: number | undefined): number | undefined => {
    const value = limits[key];
    if (value === undefined) return fallback;
    if (!(Number.isSafeInteger(value) && value > 0) && value !== Number.POSITIVE_INFINITY) {
      throw new RangeError(`${key} must be a positive integer, got ${String(value)}`);
    }
    return value;
  };
  const d = DEFAULT_XML_LIMITS;
  return {
    maxDepth: pick('maxDepth', d.maxDepth)!,
    maxAttributes: pick('maxAttributes', d.maxAttributes)!,
    maxNameLength: pick('maxNameLength', d.maxNameLength)!,
    maxAttributeValueLength: pick('maxAttributeValueLength', d.maxAttributeValueLength)!,
    maxBytes: pick('maxBytes', d.maxBytes),
    maxElements: pick('maxElements', d.maxElements),
  };
}
