import type { DuplicateWindow } from '../../nodes/KajabiTrigger/protection/duplicateWindow';

/** Whether the window saw `id`, recording it if not, as one delivery that starts would. */
export function seen(window: DuplicateWindow, id: string, now: number): boolean {
	if (window.has(id, now)) return true;
	window.record(id, now);
	return false;
}
