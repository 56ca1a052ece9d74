/** The example of issue 13 and docs/results.md, as JSON text. */
export const ISSUE_POLICY_JSON = `{ "passMark": 60,
  "gates": { "requiredItemsComplete": true, "minAttendance": 70 },
  "participation": { "minAttendance": 50 },
  "components": [
    { "id": "forum", "weight": 15, "cutoff": "2026-03-01" },
    { "id": "group", "weight": 25, "cutoff": "2026-03-15" },
    { "id": "assignment", "weight": 60, "minMark": 50, "cutoff": "2026-04-01" } ] }`;

export const ISSUE_MARKS_JSON = `[ { "person": "P-0001", "requiredItemsComplete": true, "attendance": 85.5,
    "marks": { "forum": 72.5, "group": null, "assignment": "excused" } } ]`;
