export interface PersonName {
	name: string | null;
	firstName: string | null;
	lastName: string | null;
}

/**
 * Fills in whichever of full, first and last name is missing. A full name splits at its first
 * space: "Mary Ann Smith" gives "Mary" and "Ann Smith", which is wrong for some names but is
 * what Kajabi's own member_first_name / member_last_name do.
 */
export function completeName(
	name: string | null,
	firstName: string | null,
	lastName: string | null,
): PersonName {
	const full = name ?? ([firstName, lastName].filter(Boolean).join(' ') || null);
	if (full === null) return { name: null, firstName: null, lastName: null };
	if (firstName !== null || lastName !== null) return { name: full, firstName, lastName };

	const collapsed = full.replace(/\s+/g, ' ');
	const space = collapsed.indexOf(' ');
	if (space === -1) return { name: collapsed, firstName: collapsed, lastName: null };
	return {
		name: collapsed,
		firstName: collapsed.slice(0, space),
		lastName: collapsed.slice(space + 1),
	};
}
