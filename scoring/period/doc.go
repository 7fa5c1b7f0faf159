// Package period computes a period's results from what was received and
// entered for it: the accepted values of the branch forms and department
// review forms (each with its file, sheet and cell) and the office's own
// entries (review scores, facts, vetoes, own stars, each with who, when and
// why). It builds the scoring engine's input for the period's units and, when
// the period appraises them, its members; says for every unit and member
// what has not come and what the scheme does about it; scores both; and
// traces any input back to where it came from.
//
// It is pure, like package scoring: data in, results out, no I/O.
package period
