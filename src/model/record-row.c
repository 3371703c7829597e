/*
 * record-row.c - a record as IANA's twelve CSV columns, and its CSV line.
 */
#include "config.h"

#include <string.h>

#include "record-row.h"
#include "registry.h"

/*
 * Add s in brackets, or as it is when it holds brackets that would not
 * read back as one item: a field the loader kept whole because it was
 * not a bracketed list.  (Bracketed, it would come back as a longer
 * item, one more pair of brackets at each save and load.)  People ids
 * read back only without brackets; references may nest balanced ones.
 */
static void
record_bracket(struct buf *b, const char *s, int nest)
{
	const char	*p;
	int		 depth = 0;

	for (p = s; *p != '\0' && depth >= 0; p++) {
		if (*p == '[')
			depth = nest ? depth + 1 : -1;
		else if (*p == ']')
			depth--;
	}
	if (depth != 0) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '[');
	buf_adds(b, s);
	buf_addc(b, ']');
}

static void
record_bracket_list(struct buf *b, const struct person_ref *refs,
    uint32_t n)
{
	uint32_t	 i;

	buf_clear(b);
	for (i = 0; i < n; i++)
		record_bracket(b, refs[i].id, 0);
}

void
record_row_fill(struct record_row *row, const struct record *r)
{
	uint32_t	 i;

	record_bracket_list(&row->assignees, r->assignees, r->n_assignees);
	record_bracket_list(&row->contacts, r->contacts, r->n_contacts);
	buf_clear(&row->refs);
	for (i = 0; i < r->n_refs; i++)
		record_bracket(&row->refs, r->refs[i], 1);
	field_port_format(row->port, r->port_lo, r->port_hi);
	row->col[0] = r->service;
	row->col[1] = row->port;
	row->col[2] = r->proto != PROTO_NONE ? proto_name(r->proto) : NULL;
	row->col[3] = r->description;
	row->col[4] = row->assignees.len != 0 ? row->assignees.data : NULL;
	row->col[5] = row->contacts.len != 0 ? row->contacts.data : NULL;
	row->col[6] = r->registered;
	row->col[7] = r->modified;
	row->col[8] = row->refs.len != 0 ? row->refs.data : NULL;
	row->col[9] = r->service_code;
	row->col[10] = r->unauthorized;
	row->col[11] = r->notes;
}

void
record_row_free(struct record_row *row)
{
	buf_free(&row->assignees);
	buf_free(&row->contacts);
	buf_free(&row->refs);
}

void
record_csv_field(struct buf *b, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

void
record_csv_line(struct buf *b, const struct record *r)
{
	struct record_row	 row;
	size_t			 i;

	memset(&row, 0, sizeof row);
	record_row_fill(&row, r);
	for (i = 0; i < RECORD_COLUMNS; i++) {
		if (i != 0)
			buf_addc(b, ',');
		record_csv_field(b, row.col[i]);
	}
	record_row_free(&row);
}
