"use client";

import { DndContext, KeyboardSensor, PointerSensor, TouchSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/app/components/html";

/**
 * Steps to put in order: dragged with a mouse or a finger, or by keyboard (dnd-kit: Space
 * picks a step up, arrows move it, Space or Enter drops it, Esc cancels), or with the move
 * buttons (click or Space). Enter anywhere in the list, outside a drag, submits the answer
 * (the enclosing form), as the button says: it never moves a step (issue 12.5). After a move
 * the focus stays on the moved step's button, or its other one when that end is reached.
 * `order` lists indexes into `stepsHtml` in the user's current order.
 */
export function SortableSteps({ stepsHtml, order, onChange, disabled }: { stepsHtml: string[]; order: number[]; onChange: (order: number[]) => void; disabled?: boolean }) {
  const t = useTranslations("quiz");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
    // Enter does not pick a step up (it submits); it still drops one that is being moved
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] } }),
  );
  const [dragging, setDragging] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  // after a move button: which step, and which of its buttons, gets the focus back
  const [refocus, setRefocus] = useState<{ step: number; dir: "up" | "down" } | null>(null);
  useEffect(() => {
    if (!refocus || !listRef.current) return;
    const row = listRef.current.querySelector<HTMLElement>(`[data-step="${refocus.step}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-testid=move-${refocus.dir}]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-testid=move-${refocus.dir === "up" ? "down" : "up"}]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [refocus, order]);
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== "Enter" || dragging || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    e.currentTarget.closest("form")?.requestSubmit();
  };
  const ids = order.map((i) => `step-${i}`);
  const place = (id: string | number) => ids.indexOf(String(id)) + 1;
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(false);
    if (!e.over || e.active.id === e.over.id) return;
    onChange(arrayMove(order, ids.indexOf(String(e.active.id)), ids.indexOf(String(e.over.id))));
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    setRefocus({ step: order[from]!, dir: to < from ? "up" : "down" });
    onChange(arrayMove(order, from, to));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={() => setDragging(true)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(false)}
      accessibility={{
        screenReaderInstructions: { draggable: t("dragInstructions") },
        announcements: {
          onDragStart: ({ active }) => t("dragPicked", { place: place(active.id) }),
          onDragOver: ({ over }) => (over ? t("dragOver", { place: place(over.id) }) : undefined),
          onDragEnd: ({ over }) => (over ? t("dragDropped", { place: place(over.id) }) : t("dragCancelled")),
          onDragCancel: () => t("dragCancelled"),
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol ref={listRef} className="steps sortable" data-testid="ordering-steps" aria-label={t("stepsLabel")} onKeyDown={onKeyDown}>
          {order.map((stepIndex, position) => (
            <SortableStep
              key={ids[position]}
              id={ids[position]!}
              step={stepIndex}
              html={stepsHtml[stepIndex] ?? ""}
              position={position}
              count={order.length}
              disabled={disabled}
              onMove={(to) => move(position, to)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableStep({ id, step, html, position, count, disabled, onMove }: { id: string; step: number; html: string; position: number; count: number; disabled?: boolean; onMove: (to: number) => void }) {
  const t = useTranslations("quiz");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={isDragging ? "dragging" : undefined} data-testid="ordering-step" data-step={step}>
      <span className="badge">{position + 1}</span>
      <button type="button" className="drag-handle" {...attributes} {...listeners} aria-label={t("dragHandle", { place: position + 1 })} data-testid="drag-handle">
        ⠿
      </button>
      <SanitizedHtml as="span" className="inline-html step-text" html={html} />
      <span className="move-buttons">
        <button type="button" onClick={() => onMove(position - 1)} disabled={disabled || position === 0} aria-label={t("moveUp", { place: position + 1 })} data-testid="move-up">
          ↑
        </button>
        <button type="button" onClick={() => onMove(position + 1)} disabled={disabled || position === count - 1} aria-label={t("moveDown", { place: position + 1 })} data-testid="move-down">
          ↓
        </button>
      </span>
    </li>
  );
}
