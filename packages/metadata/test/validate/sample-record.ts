import type { MetadataRecord, schemes } from '@dangan/metadata';

/**
 * A realistic DA/T 46 record of one 一网通办 件 (a 行政许可 decision): two 电子属性 (the decision PDF and the
 * application form), three 业务实体 (受理, 审批, 归档) and two 机构人员实体. Valid at 2026-01-01.
 * Returns a fresh object each call so tests can mutate it.
 */
export function sampleRecord(): MetadataRecord<typeof schemes.dat46> {
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '上海市某区行政服务中心', 全宗名称: '上海市某区行政服务中心' },
      电子文件号: 'SH-YWTB-2025-000123-01',
      档号: { 全宗号: 'Z109', 年度: '2025', 保管期限: '定期30年', 机构或问题: 'XK', 室编件号: 123 },
      内容描述: {
        题名: '关于准予张三食品经营许可的决定',
        主题词: ['食品经营', '行政许可'],
        关键词: '食品经营许可',
        文件编号: '沪某食药监许〔2025〕123号',
        责任者: '上海市某区市场监督管理局',
        日期: '2025-03-18',
        文种: '决定',
        密级: '公开',
        摘要: '申请人张三于2025年3月10日通过一网通办提交食品经营许可申请，经审查符合条件，准予许可。',
      },
      形式特征: { 文件组合类型: '组合文件', 页数: 3, 语种: '汉语', 稿本: '正本' },
      电子属性: [
        {
          格式信息: 'PDF, 1.7, application/pdf',
          计算机文件名: '准予许可决定书.pdf',
          计算机文件大小: 482_113,
          文档创建程序: 'Adobe PDF Library 17.0',
          信息系统描述: '上海市一网通办业务办理系统 v3.2',
        },
        {
          格式信息: 'OFD, 1.0, application/ofd',
          计算机文件名: '申请表.ofd',
          计算机文件大小: 102_400,
          文档创建程序: '数科 OFD 版式软件',
        },
      ],
      存储位置: { 当前位置: 'ywtb/2025/03/000123/', 脱机载体编号: ['GP-2025-0012'] },
      权限管理: { 控制标识: '开放', 授权: [{ 授权对象: '申请人', 授权行为: '浏览' }] },
      附注: ['由一网通办系统自动归档'],
    },
    机构人员实体: [
      {
        机构人员标识符: 'A1',
        机构人员类型: '单位',
        机构人员名称: '上海市某区市场监督管理局',
        组织机构代码: '11310000MB2F01234X',
      },
      { 机构人员标识符: 'A2', 机构人员类型: '个人', 机构人员名称: '李四', 个人职位: '审批科科员' },
    ],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A2',
        文件标识符: 'SH-YWTB-2025-000123-01',
        业务状态: '历史行为',
        业务行为: '受理',
        行为时间: '2025-03-10T09:21:05+08:00',
        行为依据: '《食品经营许可和备案管理办法》',
      },
      {
        业务标识符: 'B2',
        机构人员标识符: 'A1',
        文件标识符: 'SH-YWTB-2025-000123-01',
        业务状态: '历史行为',
        业务行为: '审批',
        行为时间: '2025-03-18T15:02:44+08:00',
        行为描述: '准予许可',
      },
      {
        业务标识符: 'B3',
        机构人员标识符: 'A1',
        文件标识符: 'SH-YWTB-2025-000123-01',
        业务状态: '历史行为',
        业务行为: '归档',
        行为时间: '2025-04-02T10:00:00+08:00',
      },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests change records freely, into invalid shapes too
export type Loose = Record<string, any>;

/** {@link sampleRecord} typed loosely, for tests that break it. */
export const looseSample = (): Loose => sampleRecord() as Loose;
