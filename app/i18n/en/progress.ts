export const progress = {
  "gias.progress.title": "Applying this file",
  "gias.progress.applied": "Applied {done} of {total} schools",
  "gias.progress.startedBy":
    "Started by {person} on {date}. Each batch is saved as it is applied, so you can continue later or another administrator can finish it.",
  "gias.progress.continue": "Continue applying",
  "gias.progress.auto": "If this page does not continue by itself, select Continue applying.",
  "gias.progress.soFar": "So far: {added} schools added, {changed} changed, {closed} closed, {inspections} inspections recorded.",
} as const;
