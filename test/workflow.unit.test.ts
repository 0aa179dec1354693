import { HazardStatus, RemediationAction } from '../src/modules/remediation/remediation.enums';
import { TRANSITIONS, transitionOf } from '../src/modules/remediation/remediation.workflow';

describe('the declared workflow', () => {
  it('declares every action exactly once', () => {
    const actions = TRANSITIONS.map((t) => t.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect([...actions].sort()).toEqual(Object.values(RemediationAction).sort());
  });

  it('matches the state machine of DOMAIN.md §6.1', () => {
    const edges = TRANSITIONS.filter((t) => t.to).flatMap((t) => t.from.map((f) => `${f} -${t.action}-> ${t.to}`));
    expect(edges.sort()).toEqual(
      [
        'REGISTERED -RECTIFY_ON_SITE-> RECTIFIED_ON_SITE',
        'REGISTERED -SERVE_NOTICE-> NOTIFIED',
        'NOTIFIED -START_RECTIFICATION-> RECTIFYING',
        'RECTIFYING -REPORT_COMPLETION-> PENDING_REVIEW',
        'PENDING_REVIEW -PASS_REVIEW-> VERIFIED',
        'PENDING_REVIEW -FAIL_REVIEW-> RECTIFYING',
        'VERIFIED -CLOSE-> CLOSED',
        'RECTIFIED_ON_SITE -CLOSE-> CLOSED',
        ...['REGISTERED', 'RECTIFIED_ON_SITE', 'NOTIFIED', 'RECTIFYING', 'PENDING_REVIEW', 'VERIFIED'].map((s) => `${s} -INVALIDATE-> INVALIDATED`),
      ].sort(),
    );
  });

  it('lets nothing leave a terminal status', () => {
    for (const t of TRANSITIONS.filter((x) => x.to)) {
      expect(t.from).not.toContain(HazardStatus.CLOSED);
      expect(t.from).not.toContain(HazardStatus.INVALIDATED);
    }
    expect(transitionOf(RemediationAction.INVALIDATE).roles).toEqual(['COORDINATOR']);
    // The actions whose guards read evidence or the listing load them; the others skip two statements.
    expect(TRANSITIONS.filter((t) => t.needsFacts).map((t) => t.action).sort()).toEqual(['ACCEPT_LISTING', 'CLOSE', 'FILE_OVERDUE_EXPLANATION', 'ISSUE_SUPERVISION_LETTER', 'PUBLIC_CRITICISM', 'PUBLISH_LISTING']);
  });
});
