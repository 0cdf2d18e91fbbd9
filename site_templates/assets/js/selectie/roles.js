// What a criterion does in a tender (its role), when it is verified, and the
// check on award weights. Shared by the selection page and every export so a
// role reads the same everywhere.

/** Roles in procurement practice, in the order a tender document uses them. */
export const ROLES = [
  { value: "geschiktheidseis", label: "Geschiktheidseis" },
  { value: "selectiecriterium", label: "Selectiecriterium" },
  { value: "eis", label: "Eis (minimumeis)" },
  { value: "gunningscriterium", label: "Gunningscriterium" },
  { value: "contractbepaling", label: "Contractbepaling" },
];

/** Moments at which the provider shows that it meets a criterion. */
export const MOMENTS = [
  { value: "inschrijving", label: "Bij inschrijving" },
  { value: "contractering", label: "Bij contractering" },
  { value: "looptijd", label: "Tijdens de looptijd" },
];

const ROLE_LABELS = new Map(ROLES.map((role) => [role.value, role.label]));
const MOMENT_LABELS = new Map(MOMENTS.map((moment) => [moment.value, moment.label]));

/** Only award criteria carry a weight. */
export const WEIGHTED_ROLE = "gunningscriterium";

/** The Dutch label of a role, "" when none was chosen or the value is unknown. */
export function roleLabel(value) {
  return ROLE_LABELS.get(value) || "";
}

/** The Dutch label of a verification moment, "" when none was chosen. */
export function momentLabel(value) {
  return MOMENT_LABELS.get(value) || "";
}

/**
 * A Dutch sentence when the weights of the award criteria do not add up to
 * 100 %, or "" when they do (or when there are no award criteria). entries:
 * anything with {role, weight}; a missing weight counts as a problem too.
 */
export function weightProblem(entries) {
  const awarded = entries.filter((entry) => entry.role === WEIGHTED_ROLE);
  if (awarded.length === 0) return "";
  const missing = awarded.filter((entry) => typeof entry.weight !== "number" || !Number.isFinite(entry.weight));
  const total = awarded.reduce((sum, entry) => sum + (Number.isFinite(entry.weight) ? entry.weight : 0), 0);
  // Weights are whole or decimal percentages; compare on hundredths so 33.33 × 3 + 0.01 is exact.
  const totalRounded = Math.round(total * 100) / 100;
  const parts = [];
  if (missing.length === 1) parts.push("1 gunningscriterium heeft nog geen weging");
  else if (missing.length > 1) parts.push(`${missing.length} gunningscriteria hebben nog geen weging`);
  if (totalRounded !== 100) {
    parts.push(`de wegingen tellen op tot ${String(totalRounded).replace(".", ",")} % in plaats van 100 %`);
  }
  if (parts.length === 0) return "";
  const sentence = parts.join(" en ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
