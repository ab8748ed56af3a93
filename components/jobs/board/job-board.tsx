"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback, useState, useSyncExternalStore } from "react";
import { BoardColumn } from "@/components/jobs/board/board-column";
import { BoardSelectionProvider, BoardSelectionToolbar } from "@/components/jobs/board/board-selection";
import {
  boardAnnouncements,
  boardCollisionDetection,
  boardKeyboardCoordinates,
  forgetKeyboardTarget,
  keyboardTargetStatus,
  boardScreenReaderInstructions,
  cardDragData,
  columnStatus,
  type CardDragData,
} from "@/components/jobs/board/board-dnd";
import { JobCardBody } from "@/components/jobs/board/job-card";
import { useCollapsedColumns } from "@/components/jobs/board/use-collapsed-columns";
import { useMoveJob } from "@/lib/jobs/queries/move-job";
import { JobFilters } from "@/components/jobs/filters/job-filters";
import { useJobFilterCheck } from "@/components/jobs/filters/use-job-filter-check";
import { collectAssignees } from "@/lib/jobs/assignees";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { loadedJobs, type BoardColumnData } from "@/lib/jobs/board-cache";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import {
  BOARD_FILTER_KEYS,
  boardFiltersOf,
  historyModeFor,
  jobFilterParsers,
  type BoardFilters,
  type CheckedJobFilters,
  type RawJobFilters,
} from "@/lib/jobs/job-list-url";
import { StaleDataNotice, useStaleSince } from "@/components/query/stale-data-notice";
import { EditsPaused } from "@/components/query/edits-paused";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { useBoardFirstPages } from "@/lib/jobs/queries/get-board";

const noSubscription = () => () => {};

/**
 * The job board: a column per status in workflow order. Cards move between
 * columns by mouse, touch or keyboard drag, or by their "Move to…" menu.
 */
export function JobBoard({ canWrite, serverFilters, timeZone }: { canWrite: boolean; serverFilters: CheckedJobFilters; timeZone: string }) {
  const [raw, setRaw] = useQueryStates(jobFilterParsers, { history: "push" });
  const check = useJobFilterCheck(raw, BOARD_FILTER_KEYS, serverFilters);
  const filters = check.ok ? boardFiltersOf(check.filters) : null;
  const seen = useSeenAssignees(filters);

  return (
    <div className="space-y-4">
      <JobFilters
        variant="board"
        raw={raw}
        errors={check.ok ? {} : check.errors}
        onChange={(patch: Partial<RawJobFilters>) => void setRaw(patch, { history: historyModeFor(raw, patch) })}
        seenAssignees={seen}
      />
      {filters ? (
        <BoardColumns filters={filters} canWrite={canWrite} timeZone={timeZone} />
      ) : (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          The board isn&apos;t loaded while a filter above has a problem. Fix or clear it to see jobs.
        </p>
      )}
    </div>
  );
}

/** The assignees on the cards loaded so far, to offer in the filter. */
function useSeenAssignees(filters: BoardFilters | null) {
  const queryClient = useQueryClient();
  const subscribe = useCallback((listener: () => void) => queryClient.getQueryCache().subscribe(listener), [queryClient]);
  // A string snapshot (ids and names) keeps React from re-rendering on every cache event.
  const snapshot = useSyncExternalStore(
    filters ? subscribe : noSubscription,
    () => {
      if (!filters) return "[]";
      const jobs = JOB_STATUSES.flatMap((status) => loadedJobs(queryClient.getQueryData<BoardColumnData>(jobKeys.boardColumn(status, filters))));
      return JSON.stringify(collectAssignees(jobs));
    },
    () => "[]",
  );
  return JSON.parse(snapshot) as ReturnType<typeof collectAssignees>;
}

function BoardColumns({ filters, canWrite, timeZone }: { filters: BoardFilters; canWrite: boolean; timeZone: string }) {
  const firstPages = useBoardFirstPages(filters).data;
  // A saved copy (the CRM is not answering): a move could not be saved, so none is offered.
  const saved = useStaleSince(JOB_STATUSES.map((status) => jobKeys.boardColumn(status, filters))) !== null;
  const canMove = canWrite && !saved;
  const [collapsed, setCollapsed] = useCollapsedColumns();
  const [dragging, setDragging] = useState<CardDragData | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const move = useMoveJob(filters, setAnnouncement);
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so clicks on the card's link still work.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch, a press-and-hold starts a drag; a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    // Instant scrolling: the strip must have moved before the next arrow press is read.
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates, scrollBehavior: "auto" }),
  );

  function onDragStart(event: DragStartEvent) {
    forgetKeyboardTarget();
    setDragging(cardDragData(event.active.data.current));
  }

  function onDragEnd(event: DragEndEvent) {
    // A keyboard drop goes where the arrows aimed, even if dnd-kit's `over` is a frame behind.
    const aimed = keyboardTargetStatus();
    forgetKeyboardTarget();
    setDragging(null);
    const data = cardDragData(event.active.data.current);
    const to = aimed ?? columnStatus(event.over?.id);
    // Dropped outside the columns or back on its own column: nothing to save.
    if (!data || !to || to === data.from) return;
    move(data.job, data.from, to);
  }

  const board = (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisionDetection}
      accessibility={{ announcements: boardAnnouncements, screenReaderInstructions: boardScreenReaderInstructions }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        forgetKeyboardTarget();
        setDragging(null);
      }}
    >
      <p className="sr-only" role="status">
        {announcement}
      </p>
      <StaleDataNotice queryKeys={JOB_STATUSES.map((status) => jobKeys.boardColumn(status, filters))} />
      {saved && canWrite && <EditsPaused what="the board" />}
      {/* The columns' counts come from the mirror once it has had a full pass: say how fresh it is. */}
      {firstPages && (firstPages.countsFrom === "mirror" || firstPages.source === "mirror") && (
        <MirrorFreshness asOf={firstPages.countsAsOf} timeZone={timeZone} canSync={canWrite} />
      )}
      {/* relative: the screen-reader-only text inside is absolutely placed and would otherwise widen the page. */}
      <div className="relative -mx-4 overflow-x-auto px-4 pb-4 sm:mx-0 sm:px-0">
        {/* Columns stretch to the tallest: a card can be dropped anywhere down a column. */}
        <div className="flex items-stretch gap-3">
          {JOB_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              filters={filters}
              collapsed={collapsed.has(status)}
              onCollapsedChange={(value) => setCollapsed(status, value)}
              canMove={canMove}
              onMove={move}
            />
          ))}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className="w-72 rotate-1 rounded-md border border-brand-600 bg-white p-3 text-sm shadow-xl">
            <JobCardBody job={dragging.job} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
  // Ticked cards are a selection of this view: other filters start a new one.
  return (
    <BoardSelectionProvider key={JSON.stringify(filters)} enabled={canMove}>
      <BoardSelectionToolbar filters={filters} />
      {board}
    </BoardSelectionProvider>
  );
}
