import { registerEnumType } from 'type-graphql';

/**
 * How an administrative case ends (结案方式), after the closing conditions of the administrative
 * penalty procedure rules (e.g. 市场监督管理行政处罚程序规定, 结案): decision executed, no penalty,
 * transferred, investigation terminated, execution terminated by a court.
 */
export enum CaseClosingOutcome {
  PENALTY_EXECUTED = 'PENALTY_EXECUTED',
  NO_PENALTY = 'NO_PENALTY',
  TRANSFERRED_TO_JUDICIAL = 'TRANSFERRED_TO_JUDICIAL',
  TRANSFERRED_TO_OTHER_AUTHORITY = 'TRANSFERRED_TO_OTHER_AUTHORITY',
  INVESTIGATION_TERMINATED = 'INVESTIGATION_TERMINATED',
  EXECUTION_TERMINATED = 'EXECUTION_TERMINATED',
  OTHER = 'OTHER',
}

registerEnumType(CaseClosingOutcome, {
  name: 'CaseClosingOutcome',
  description: 'How an enforcement case ended (结案方式).',
  valuesConfig: {
    PENALTY_EXECUTED: { description: 'Penalty decided and fully executed (处罚决定执行完毕); needs at least one penalty.' },
    NO_PENALTY: { description: 'No penalty imposed (不予行政处罚); no penalties or amounts may be recorded.' },
    TRANSFERRED_TO_JUDICIAL: { description: 'Transferred as a suspected crime (移送司法机关); needs the transfer to the police.' },
    TRANSFERRED_TO_OTHER_AUTHORITY: { description: 'Transferred to another administrative authority (移送其他行政机关处理).' },
    INVESTIGATION_TERMINATED: { description: 'Investigation terminated, e.g. the party no longer exists (终止调查).' },
    EXECUTION_TERMINATED: { description: 'Enforcement terminated by a court ruling (人民法院裁定终结执行).' },
    OTHER: { description: 'Other grounds, stated in the closing note (其他应予结案的情形).' },
  },
});

/** What the police did with a case transferred to them (移送公安结果). */
export enum PoliceTransferOutcome {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  RETURNED = 'RETURNED',
}

registerEnumType(PoliceTransferOutcome, {
  name: 'PoliceTransferOutcome',
  description: 'Outcome of a transfer to the police (移送公安结果).',
  valuesConfig: {
    PENDING: { description: 'Transferred, no reply yet (已移送，待反馈).' },
    ACCEPTED: { description: 'The police opened a case (公安机关已立案).' },
    DECLINED: { description: 'The police declined to open a case (公安机关不予立案).' },
    RETURNED: { description: 'Returned for more evidence or to be handled administratively (退回).' },
  },
});
