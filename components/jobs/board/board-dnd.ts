import {
  pointerWithin,
  rectIntersection,
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";

/** What a dragged card carries, so drop handling never has to look the job up. */
export interface CardDragData {
  job: JobListItem;
  from: JobStatus;
}

export function cardDragData(data: unknown): CardDragData | null {
  const value = data as Partial<CardDragData> | null | undefined;
  return value?.job && value.from ? (value as CardDragData) : null;
}

export function columnStatus(id: UniqueIdentifier | null | undefined): JobStatus | null {
  return JOB_STATUSES.find((status) => status === id) ?? null;
}

/** The pointer decides when there is one; the keyboard (no pointer) uses the card's overlap. */
export const boardCollisionDetection: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/**
 * The column a keyboard drag aims at. Module state is enough: a page has one
 * pointer and one keyboard, so at most one drag is active at a time. It is
 * read back instead of dnd-kit's `over` because, when the strip has to scroll
 * to show the next column, `over` catches up a frame later, and quick presses
 * (or a quick drop) must not be lost meanwhile.
 */
let keyboardTarget: UniqueIdentifier | null = null;

/** Called at the start and end of every drag. */
export function forgetKeyboardTarget(): void {
  keyboardTarget = null;
}

/** The column the arrow keys chose during this drag, if any. */
export function keyboardTargetStatus(): JobStatus | null {
  return columnStatus(keyboardTarget);
}

/**
 * Keyboard dragging jumps a whole column per arrow press (left and right),
 * instead of dnd-kit's default 25 px nudges, which would take a dozen presses
 * to cross one column. Up and down do nothing: a column's order is the CRM's.
 * The card keeps its height (columns stretch to the board's height, so any
 * height is inside every column), which lets dnd-kit scroll the strip sideways.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== "ArrowRight" && event.code !== "ArrowLeft") {
    if (event.code === "ArrowUp" || event.code === "ArrowDown") event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if (!active || !collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect ? [{ id: container.id, rect }] : [];
    })
    .sort((a, b) => a.rect.left - b.rect.left);
  const currentId = keyboardTarget ?? over?.id ?? cardDragData(active.data.current)?.from;
  const index = columns.findIndex((column) => column.id === currentId);
  const next = columns[index + (event.code === "ArrowRight" ? 1 : -1)];
  if (index === -1 || !next) return currentCoordinates;
  keyboardTarget = next.id;
  return { x: next.rect.left + next.rect.width / 2 - collisionRect.width / 2, y: currentCoordinates.y };
};

export const boardScreenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "To move this job to another status, press Space or Enter to pick it up, the left and right arrow keys to choose a column, then Space or Enter to drop it there. Escape cancels. The Move to menu does the same without dragging.",
};

function describe(active: { data: { current?: unknown } }): { label: string; from: JobStatus | null } {
  const data = cardDragData(active.data.current);
  return { label: data ? jobLabel(data.job) : "The job", from: data?.from ?? null };
}

export const boardAnnouncements: Announcements = {
  onDragStart({ active }) {
    const { label, from } = describe(active);
    return `Picked up ${label}, in ${from ?? "its column"}.`;
  },
  onDragOver({ active, over }) {
    const { label, from } = describe(active);
    const target = columnStatus(over?.id);
    if (!target) return `${label} is not over a column.`;
    return target === from ? `${label} is over ${target}, its current column.` : `${label} is over ${target}.`;
  },
  onDragEnd({ active, over }) {
    const { label, from } = describe(active);
    const target = columnStatus(over?.id);
    if (!target) return `${label} was dropped outside the columns; nothing changed.`;
    if (target === from) return `${label} was dropped back in ${target}; nothing changed.`;
    return `${label} moved to ${target}. Saving.`;
  },
  onDragCancel({ active }) {
    const { label, from } = describe(active);
    return `Moving ${label} was cancelled; it stays in ${from ?? "its column"}.`;
  },
};
