// hl7-dictionary ships no types; this describes the parts we read.
declare module 'hl7-dictionary' {
  export interface DictComponent {
    datatype: string;
    desc: string;
    opt?: number;
    rep?: number;
    len?: number;
    table?: number;
  }
  export interface DictDatatype {
    desc: string;
    subfields: DictComponent[];
  }
  export interface DictSegment {
    desc: string;
    fields: DictComponent[];
  }
  export interface DictStructureNode {
    name: string;
    desc: string;
    min: number;
    /** 0 means unbounded. */
    max: number;
    children?: DictStructureNode[];
    /** A choice of alternative segments; the name lists them comma-separated. */
    compounds?: DictStructureNode[];
  }
  export interface DictMessage {
    desc: string;
    name: string;
    segments: { desc: string; segments: DictStructureNode[] };
  }
  export interface DictVersion {
    fields: Record<string, DictDatatype>;
    segments: Record<string, DictSegment>;
    messages: Record<string, DictMessage>;
  }
  const dictionary: {
    definitions: Record<string, DictVersion>;
    tables: Record<string, { desc?: string; values: Record<string, string> }>;
  };
  export default dictionary;
}
