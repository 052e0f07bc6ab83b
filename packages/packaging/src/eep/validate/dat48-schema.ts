/**
 * The DA/T 48-2009 EEP schema (附录 XML Schema) as data: every element declaration of
 * `dat48-2009-eep.xsd` with its content model (sequence, choice, cardinalities), simple type, enumeration,
 * default and fixed values, and attributes. Transcribed by hand from the schema; a test parses the `.xsd`
 * itself and checks this table against it, so the two cannot drift apart.
 *
 * Every element of the schema is declared globally (`<xs:element ref>` everywhere), so an element's
 * declaration depends on its name alone, wherever it appears.
 */

/** The simple types DA/T 48 uses (XML Schema built-ins). */
export type Dat48SimpleType =
  | 'string'
  | 'gYear'
  | 'dateTime'
  | 'positiveInteger'
  | 'base64Binary'
  | 'anyURI'
  | 'ID'
  | 'IDREF';

/**
 * A particle of a content model: one element, a sequence or a choice, with `min`/`max` occurrences
 * (default 1; `max: 'unbounded'` for `maxOccurs="unbounded"`).
 */
export type Dat48Particle =
  | { readonly element: string; readonly min?: number; readonly max?: number | 'unbounded' }
  | {
      readonly sequence: readonly Dat48Particle[];
      readonly min?: number;
      readonly max?: number | 'unbounded';
    }
  | { readonly choice: readonly Dat48Particle[]; readonly min?: number; readonly max?: number | 'unbounded' };

/** An attribute declaration (attributes are unqualified: `attributeFormDefault` is unset). */
export interface Dat48AttributeDecl {
  readonly name: string;
  readonly type: Dat48SimpleType;
  readonly required?: boolean;
  readonly fixed?: string;
}

/** One element declaration (元素声明). */
export interface Dat48ElementDecl {
  /** Complex content: the model of its child elements. Absent for simple content. */
  readonly content?: Dat48Particle;
  /** `mixed="true"`: text may appear between the child elements (only 档号). */
  readonly mixed?: boolean;
  /** Simple content: its type (with `attributes` too when the type is a `simpleContent` extension). */
  readonly type?: Dat48SimpleType;
  /** An `xs:enumeration` restriction of `xs:string`. */
  readonly enumeration?: readonly string[];
  /** The value an empty element takes (`default`). */
  readonly default?: string;
  /** The only value allowed (`fixed`); an empty element takes it. */
  readonly fixed?: string;
  readonly attributes?: readonly Dat48AttributeDecl[];
}

/** The schema: its namespace, the EEP's root and every element. */
export interface Dat48Schema {
  readonly namespace: string;
  readonly root: string;
  readonly elements: Readonly<Record<string, Dat48ElementDecl>>;
}

const ENTITY_BLOCKS: readonly Dat48Particle[] = [
  { element: '文件实体块' },
  { element: '业务实体块' },
  { element: '机构人员实体块' },
];

const RELATION_TAIL: readonly Dat48Particle[] = [
  { element: '关系类型', min: 0 },
  { element: '关系', min: 0 },
  { element: '关系描述', min: 0 },
];

const SIGNATURE_TAIL: readonly Dat48Particle[] = [
  { element: '签名规则' },
  { element: '签名时间', min: 0 },
  { element: '签名人', min: 0 },
  { element: '签名结果' },
  { element: '证书块', max: 'unbounded' },
  { element: '签名算法标识' },
];

const S = { type: 'string' } as const;

/** The DA/T 48-2009 schema, element by element (see the module note). */
export const DAT48_SCHEMA: Dat48Schema = {
  namespace: 'http://www.saac.gov.cn/standards/ERM/encapsulation',
  root: '电子文件封装包',
  elements: {
    // ── complex elements ───────────────────────────────────────────────────────────────────────────
    电子文件封装包: {
      content: {
        sequence: [
          { element: '封装包格式描述' },
          { element: '版本' },
          { element: '被签名对象' },
          { sequence: [{ element: '电子签名块' }, { element: '锁定签名' }], min: 0 },
        ],
      },
    },
    被签名对象: {
      content: {
        sequence: [
          { element: '封装包类型' },
          { element: '封装包类型描述' },
          { element: '封装包创建时间' },
          { element: '封装包创建单位' },
          { choice: [{ element: '封装内容' }, { element: '修改封装内容' }] },
        ],
      },
      attributes: [{ name: 'eep版本', type: 'gYear', required: true, fixed: '2009' }],
    },
    封装内容: { content: { sequence: ENTITY_BLOCKS } },
    文件实体块: {
      content: {
        sequence: [{ element: '文件实体' }, { element: '文件实体关系', min: 0, max: 'unbounded' }],
      },
    },
    文件实体: {
      content: {
        sequence: [
          { element: '聚合层次' },
          { element: '来源' },
          { element: '电子文件号' },
          { element: '档号' },
          { element: '内容描述' },
          { element: '形式特征' },
          { element: '存储位置' },
          { element: '权限管理' },
          { element: '信息系统描述', min: 0, max: 'unbounded' },
          { element: '附注', min: 0, max: 'unbounded' },
          { element: '文件数据' },
        ],
      },
    },
    来源: {
      content: {
        sequence: [
          { element: '档案馆名称', min: 0 },
          { element: '档案馆代码', min: 0 },
          { element: '全宗名称', min: 0 },
          { element: '立档单位名称' },
        ],
      },
    },
    档号: {
      mixed: true,
      content: {
        sequence: [
          { element: '全宗号', min: 0 },
          { element: '目录号', min: 0 },
          { element: '年度' },
          { element: '保管期限' },
          { element: '机构或问题', min: 0 },
          { element: '类别号', min: 0 },
          { element: '室编案卷号', min: 0 },
          { element: '馆编案卷号', min: 0 },
          {
            choice: [
              { sequence: [{ element: '室编件号' }, { element: '馆编件号', min: 0 }] },
              { sequence: [{ element: '馆编件号' }] },
            ],
          },
          { element: '页号', min: 0 },
        ],
      },
    },
    内容描述: {
      content: {
        sequence: [
          { element: '题名' },
          { element: '并列题名', min: 0 },
          { element: '副题名', min: 0 },
          { element: '说明题名文字', min: 0 },
          { element: '主题词', min: 0, max: 'unbounded' },
          { element: '关键词', min: 0 },
          { element: '人名', min: 0 },
          { element: '摘要', min: 0 },
          { element: '分类号', min: 0 },
          { element: '文件编号', min: 0 },
          { element: '责任者' },
          { element: '日期' },
          { element: '文种', min: 0 },
          { element: '紧急程度', min: 0 },
          { element: '主送', min: 0 },
          { element: '抄送', min: 0 },
          { element: '密级' },
          { element: '保密期限', min: 0 },
        ],
      },
    },
    主题词: { type: 'string', attributes: [{ name: '主题词表名称', type: 'string' }] },
    形式特征: {
      content: {
        sequence: [
          { element: '文件组合类型' },
          { element: '页数', min: 0 },
          { element: '语种', min: 0 },
          { element: '稿本', min: 0 },
        ],
      },
    },
    存储位置: {
      content: {
        sequence: [
          { element: '当前位置', min: 0 },
          { element: '脱机载体编号', max: 'unbounded' },
          { element: '脱机载体存址', min: 0, max: 'unbounded' },
          { element: '缩微号', min: 0 },
        ],
      },
    },
    权限管理: {
      content: {
        sequence: [
          { element: '知识产权说明', min: 0 },
          { element: '授权', min: 0, max: 'unbounded' },
          { element: '控制标识', min: 0 },
        ],
      },
    },
    授权: { content: { sequence: [{ element: '授权对象' }, { element: '授权行为' }] } },
    文件数据: { content: { sequence: [{ element: '文档', max: 'unbounded' }] } },
    文档: {
      content: {
        sequence: [
          { element: '文档标识符' },
          { element: '文档序号', min: 0 },
          { element: '文档主从声明', min: 0 },
          { element: '题名', min: 0 },
          { element: '文档数据', max: 'unbounded' },
        ],
      },
    },
    文档数据: {
      content: { sequence: [{ element: '编码', max: 'unbounded' }] },
      attributes: [{ name: '文档数据ID', type: 'ID', required: true }],
    },
    编码: {
      content: {
        sequence: [
          { element: '电子属性' },
          { element: '数字化属性', min: 0 },
          { element: '编码描述' },
          { element: '反编码关键字' },
          { element: '编码数据' },
        ],
      },
      attributes: [{ name: '编码ID', type: 'ID', required: true }],
    },
    电子属性: {
      content: {
        sequence: [
          { element: '格式信息', min: 0 },
          { element: '计算机文件名' },
          { element: '计算机文件大小' },
          { element: '文档创建程序', min: 0 },
        ],
      },
    },
    数字化属性: {
      content: {
        sequence: [
          { element: '数字化对象形态', min: 0 },
          { element: '扫描分辨率' },
          { element: '扫描色彩模式' },
          { element: '图像压缩方案', min: 0 },
        ],
      },
    },
    编码数据: {
      type: 'base64Binary',
      attributes: [
        { name: '编码数据ID', type: 'ID', required: true },
        { name: '引用编码数据ID', type: 'IDREF' },
      ],
    },
    文件实体关系: {
      content: {
        sequence: [{ element: '文件标识符' }, { element: '被关联文件标识符' }, ...RELATION_TAIL],
      },
    },
    业务实体块: { content: { sequence: [{ element: '业务实体', max: 'unbounded' }] } },
    业务实体: {
      content: {
        sequence: [
          { element: '业务标识符' },
          { element: '机构人员标识符' },
          { element: '文件标识符' },
          { element: '业务状态' },
          { element: '业务行为' },
          { element: '行为时间' },
          { element: '行为依据', min: 0 },
          { element: '行为描述', min: 0 },
        ],
      },
    },
    机构人员实体块: {
      content: {
        sequence: [
          { element: '机构人员实体', max: 'unbounded' },
          { element: '机构人员实体关系', min: 0, max: 'unbounded' },
        ],
      },
    },
    机构人员实体: {
      content: {
        sequence: [
          { element: '机构人员标识符' },
          { element: '机构人员类型', min: 0 },
          { element: '机构人员名称' },
          { element: '组织机构代码', min: 0 },
          { element: '个人职位', min: 0 },
        ],
      },
    },
    机构人员实体关系: {
      content: {
        sequence: [{ element: '机构人员标识符' }, { element: '被关联机构人员标识符' }, ...RELATION_TAIL],
      },
    },
    电子签名块: { content: { sequence: [{ element: '电子签名', max: 'unbounded' }] } },
    电子签名: { content: { sequence: [{ element: '签名标识符' }, ...SIGNATURE_TAIL] } },
    证书块: {
      content: {
        sequence: [
          { element: '证书', max: 'unbounded' },
          { element: '证书引证', min: 0 },
        ],
      },
    },
    锁定签名: { content: { sequence: [{ element: '被锁定签名标识符' }, ...SIGNATURE_TAIL] } },
    修改封装内容: {
      content: { sequence: [{ element: '修改标识符' }, { element: '原封装包' }, { element: '修订内容' }] },
    },
    原封装包: {
      content: { sequence: [{ element: '被签名对象' }, { element: '电子签名块', min: 0 }] },
    },
    修订内容: { content: { sequence: ENTITY_BLOCKS } },

    // ── simple elements ────────────────────────────────────────────────────────────────────────────
    封装包格式描述: {
      type: 'string',
      default: '本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成',
    },
    版本: { type: 'gYear', fixed: '2009' },
    封装包类型: { type: 'string', enumeration: ['原始型', '修改型'], default: '原始型' },
    封装包类型描述: {
      type: 'string',
      enumeration: [
        '本封装包包含电子文件数据及其元数据，原始封装，未经修改',
        '本封装包包含电子文件数据及其元数据，系修改封装，在保留原封装包的基础上，添加了修改层',
      ],
      default: '本封装包包含电子文件数据及其元数据，原始封装，未经修改',
    },
    封装包创建时间: { type: 'dateTime' },
    封装包创建单位: S,
    聚合层次: { type: 'string', fixed: '文件' },
    档案馆名称: S,
    档案馆代码: S,
    全宗名称: S,
    立档单位名称: S,
    电子文件号: S,
    全宗号: S,
    目录号: S,
    年度: { type: 'gYear' },
    保管期限: S,
    机构或问题: S,
    类别号: S,
    室编案卷号: S,
    馆编案卷号: S,
    室编件号: { type: 'positiveInteger' },
    馆编件号: { type: 'positiveInteger' },
    页号: S,
    题名: S,
    并列题名: S,
    副题名: S,
    说明题名文字: S,
    关键词: S,
    人名: S,
    摘要: S,
    分类号: S,
    文件编号: S,
    责任者: S,
    日期: S,
    文种: S,
    紧急程度: S,
    主送: S,
    抄送: S,
    密级: S,
    保密期限: S,
    文件组合类型: { type: 'string', enumeration: ['单件', '组合文件'], default: '单件' },
    页数: { type: 'positiveInteger' },
    语种: { type: 'string', default: '汉语' },
    稿本: S,
    当前位置: S,
    脱机载体编号: S,
    脱机载体存址: S,
    缩微号: S,
    知识产权说明: S,
    授权对象: S,
    授权行为: S,
    控制标识: S,
    信息系统描述: S,
    附注: S,
    文档标识符: { type: 'ID' },
    文档序号: S,
    文档主从声明: { type: 'string', enumeration: ['主文档', '附属文档'] },
    格式信息: S,
    计算机文件名: S,
    计算机文件大小: S,
    文档创建程序: S,
    数字化对象形态: S,
    扫描分辨率: S,
    扫描色彩模式: { type: 'string', enumeration: ['黑白二值', '灰度', '彩色'] },
    图像压缩方案: S,
    编码描述: {
      type: 'string',
      default:
        '本封装包中“编码数据”元素存储的是计算机文件二进制流的Base64编码，有关Base64编码规则参见IETF RFC 2045多用途邮件扩展（MIME）第一部分：互联网信息体格式。当提取和显现封装在编码数据元素中的计算机文件时，应对Base64编码进行反编码，并依据封装包中“反编码关键字”元素中记录的值还原计算机文件的扩展名',
    },
    反编码关键字: S,
    文件标识符: S,
    被关联文件标识符: S,
    关系类型: S,
    关系: S,
    关系描述: S,
    业务标识符: S,
    机构人员标识符: S,
    业务状态: { type: 'string', enumeration: ['历史行为', '计划任务'] },
    业务行为: S,
    行为时间: S,
    行为依据: S,
    行为描述: S,
    机构人员类型: { type: 'string', enumeration: ['单位', '内设机构', '个人'] },
    机构人员名称: S,
    组织机构代码: S,
    个人职位: S,
    被关联机构人员标识符: S,
    签名标识符: { type: 'ID' },
    签名规则: S,
    签名时间: { type: 'dateTime' },
    签名人: S,
    签名结果: { type: 'base64Binary' },
    证书: { type: 'base64Binary' },
    证书引证: { type: 'anyURI' },
    签名算法标识: S,
    被锁定签名标识符: { type: 'IDREF' },
    修改标识符: { type: 'ID' },
  },
};
