/*
 * output-diff.c - the changes between two editions (diff.h) as a table,
 * JSON, CSV or TSV; see output.h.
 *
 * JSON: one array, one object per change.  A record's: "change",
 * "service", "protocol", "port", "port_end" (of the new edition's
 * record; the old one's when removed) and "fields", {field: [before,
 * after]} (empty for added and removed records).  A person's: "change",
 * "person" (the id) and, when changed, "fields".
 * CSV and TSV: change, service, protocol, port, port_end, person, field,
 * before, after; one row per changed field, one row per added or
 * removed record or person (field empty).  On a terminal their values
 * are made safe as the table's are.
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff.h"
#include "output.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

static const char *const output_diff_header[] = {
	"change", "service", "protocol", "port", "port_end", "person",
	"field", "before", "after",
};
#define OUTPUT_DIFF_COLUMNS \
	(sizeof output_diff_header / sizeof output_diff_header[0])

static const struct record *
output_diff_record(const struct diff *d, const struct diff_item *it)
{
	return it->new >= 0 ? &d->new->records[it->new] :
	    &d->old->records[it->old];
}

static const struct person *
output_diff_person(const struct diff *d, const struct diff_item *it)
{
	return it->new >= 0 ? &d->new->people[it->new] :
	    &d->old->people[it->old];
}

/* Before and after of field f of item it (caller frees both). */
static void
output_diff_values(const struct diff *d, const struct diff_item *it,
    enum diff_field f, char **before, char **after)
{
	if (it->person) {
		*before = it->old < 0 ? NULL :
		    diff_person_value(&d->old->people[it->old], f);
		*after = it->new < 0 ? NULL :
		    diff_person_value(&d->new->people[it->new], f);
	} else {
		*before = it->old < 0 ? NULL :
		    diff_record_value(&d->old->records[it->old], f);
		*after = it->new < 0 ? NULL :
		    diff_record_value(&d->new->records[it->new], f);
	}
}

/* --- JSON ------------------------------------------------------------- */

static void
output_diff_json_fields(FILE *f, const struct diff *d,
    const struct diff_item *it)
{
	char		*before, *after;
	unsigned	 k;
	int		 first = 1;

	fputs(",\"fields\":{", f);
	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((it->fields & DIFF_BIT(k)) == 0)
			continue;
		output_diff_values(d, it, (enum diff_field)k, &before, &after);
		fprintf(f, "%s\"%s\":[", first ? "" : ",",
		    diff_field_name((enum diff_field)k));
		output_json_string(f, before);
		putc(',', f);
		output_json_string(f, after);
		putc(']', f);
		first = 0;
		free(before);
		free(after);
	}
	putc('}', f);
}

static void
output_diff_json(FILE *f, const struct diff *d)
{
	const struct diff_item	*it;
	const struct record	*r;
	size_t			 i;

	putc('[', f);
	for (i = 0; i < d->n_items; i++) {
		it = &d->items[i];
		fprintf(f, "%s\n{\"change\":\"%s\"", i != 0 ? "," : "",
		    diff_change_name(it->change));
		if (it->person) {
			fputs(",\"person\":", f);
			output_json_string(f, output_diff_person(d, it)->id);
		} else {
			r = output_diff_record(d, it);
			fputs(",\"service\":", f);
			output_json_string(f, r->service);
			fputs(",\"protocol\":", f);
			output_json_string(f, r->proto != PROTO_NONE ?
			    proto_name(r->proto) : NULL);
			if (r->port_lo >= 0)
				fprintf(f, ",\"port\":%d,\"port_end\":%d",
				    (int)r->port_lo, (int)r->port_hi);
			else
				fputs(",\"port\":null,\"port_end\":null", f);
		}
		if (!it->person || it->change == DIFF_CHANGED)
			output_diff_json_fields(f, d, it);
		putc('}', f);
	}
	fputs("\n]\n", f);
}

/* --- CSV and TSV ------------------------------------------------------ */

static void
output_diff_line(FILE *f, const char *const *col, enum output_format fmt,
    int safe)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < OUTPUT_DIFF_COLUMNS; i++) {
		if (i != 0)
			putc(fmt == OUTPUT_CSV ? ',' : '\t', f);
		s = safe && col[i] != NULL ? sanitize(col[i], 0) : NULL;
		if (fmt == OUTPUT_CSV)
			output_csv_field(f, s != NULL ? s : col[i]);
		else
			output_tsv_field(f, s != NULL ? s : col[i]);
		free(s);
	}
	putc('\n', f);
}

static void
output_diff_delimited(FILE *f, const struct diff *d, enum output_format fmt)
{
	const struct diff_item	*it;
	const struct record	*r;
	const char		*col[OUTPUT_DIFF_COLUMNS];
	char			 lo[16], hi[16], *before, *after;
	size_t			 i;
	unsigned		 k;
	int			 safe = isatty(fileno(f)), any;

	output_diff_line(f, output_diff_header, fmt, 0);
	for (i = 0; i < d->n_items; i++) {
		it = &d->items[i];
		memset(col, 0, sizeof col);
		col[0] = diff_change_name(it->change);
		if (it->person)
			col[5] = output_diff_person(d, it)->id;
		else {
			r = output_diff_record(d, it);
			col[1] = r->service;
			col[2] = r->proto != PROTO_NONE ? proto_name(r->proto) :
			    NULL;
			if (r->port_lo >= 0) {
				snprintf(lo, sizeof lo, "%d", (int)r->port_lo);
				snprintf(hi, sizeof hi, "%d", (int)r->port_hi);
				col[3] = lo;
				col[4] = hi;
			}
		}
		any = 0;
		for (k = 0; k < DIFF_FIELDS; k++) {
			if ((it->fields & DIFF_BIT(k)) == 0)
				continue;
			output_diff_values(d, it, (enum diff_field)k, &before,
			    &after);
			col[6] = diff_field_name((enum diff_field)k);
			col[7] = before;
			col[8] = after;
			output_diff_line(f, col, fmt, safe);
			free(before);
			free(after);
			any = 1;
		}
		if (!any)
			output_diff_line(f, col, fmt, safe);
	}
}

/* --- Table ------------------------------------------------------------ */

static const char *
output_diff_arrow(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && strcmp(cs, "UTF-8") == 0 ? "\xe2\x86\x92" : "->";
}

/* The fields in mask, by name, comma separated (caller frees). */
static char *
output_diff_names(uint32_t mask)
{
	struct buf	 b = { NULL, 0, 0 };
	unsigned	 k;

	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((mask & DIFF_BIT(k)) == 0)
			continue;
		if (b.len != 0)
			buf_adds(&b, ", ");
		buf_adds(&b, diff_field_name((enum diff_field)k));
	}
	if (b.len == 0)
		buf_adds(&b, "none");
	return buf_detach(&b);
}

static void
output_diff_edition(FILE *f, const char *mark, const struct registry *reg)
{
	char	*source = sanitize(reg->source, 0);
	char	*updated = sanitize(reg->updated, 0);

	fprintf(f, "%s %s (%s", mark, source,
	    reg->format != NULL ? reg->format : "?");
	if (reg->updated != NULL)
		fprintf(f, ", last updated %s", updated);
	fputs(")\n", f);
	free(source);
	free(updated);
}

static void
output_diff_counts(FILE *f, const char *what, const size_t *counts,
    int moves)
{
	fprintf(f, "%s: %zu added, %zu removed", what, counts[DIFF_ADDED],
	    counts[DIFF_REMOVED]);
	if (moves)
		fprintf(f, ", %zu moved", counts[DIFF_MOVED]);
	fprintf(f, ", %zu changed\n", counts[DIFF_CHANGED]);
}

/* "nbd 10809/tcp" or "Id (Name)", made safe (caller frees). */
static char *
output_diff_label(const struct diff *d, const struct diff_item *it)
{
	char			 label[REGISTRY_LABEL_SIZE];
	const struct person	*p;
	const struct record	*r;
	char			*s, *nl, *out;

	if (it->person) {
		p = output_diff_person(d, it);
		s = p->name != NULL ? xasprintf("%s (%s)", p->id, p->name) :
		    xstrdup(p->id);
	} else {
		r = output_diff_record(d, it);
		registry_record_label(label, sizeof label, r);
		if (r->service == NULL && r->description != NULL) {
			s = xasprintf("%s %s", label, r->description);
			if ((nl = strchr(s, '\n')) != NULL)
				*nl = '\0';
		} else if (r->service == NULL)
			s = xasprintf("%s %s", label, record_kind_name(r->kind));
		else
			s = xstrdup(label);
	}
	out = sanitize(s, 0);
	free(s);
	return out;
}

static void
output_diff_table_item(FILE *f, const struct diff *d,
    const struct diff_item *it, const char *arrow)
{
	char		*label, *before, *after, *sb, *sa;
	unsigned	 k;

	label = output_diff_label(d, it);
	fprintf(f, "  %s\n", label);
	free(label);
	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((it->fields & DIFF_BIT(k)) == 0)
			continue;
		output_diff_values(d, it, (enum diff_field)k, &before, &after);
		sb = sanitize(before != NULL ? before : "(none)", 0);
		sa = sanitize(after != NULL ? after : "(none)", 0);
		fprintf(f, "    %s: %s %s %s\n",
		    diff_field_name((enum diff_field)k), sb, arrow, sa);
		free(sb);
		free(sa);
		free(before);
		free(after);
	}
}

static void
output_diff_table(FILE *f, const struct diff *d)
{
	const char	*arrow = output_diff_arrow();
	char		*names;
	size_t		 i;
	int		 person, c;

	output_diff_edition(f, "---", d->old);
	output_diff_edition(f, "+++", d->new);
	names = output_diff_names(d->compared);
	fprintf(f, "compared: %s\n", names);
	free(names);
	if ((d->compared & DIFF_ALL_FIELDS) != DIFF_ALL_FIELDS) {
		names = output_diff_names(~d->compared & DIFF_ALL_FIELDS);
		fprintf(f, "not compared (not in both forms): %s\n", names);
		free(names);
	}
	output_diff_counts(f, "records", d->counts[0], 1);
	if ((d->compared & DIFF_PEOPLE_FIELDS) != 0)
		output_diff_counts(f, "people", d->counts[1], 0);

	for (person = 0; person < 2; person++) {
		for (c = 0; c < DIFF_CHANGES; c++) {
			if (d->counts[person][c] == 0)
				continue;
			fprintf(f, "\n%s%s (%zu):\n", person ? "people " : "",
			    diff_change_name((enum diff_change)c),
			    d->counts[person][c]);
			for (i = 0; i < d->n_items; i++) {
				if (d->items[i].person == person &&
				    d->items[i].change == (enum diff_change)c)
					output_diff_table_item(f, d,
					    &d->items[i], arrow);
			}
		}
	}
}

void
output_diff(FILE *f, const struct diff *d, enum output_format fmt)
{
	if (d->n_items == 0)
		return;
	switch (fmt) {
	case OUTPUT_JSON:
		output_diff_json(f, d);
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		output_diff_delimited(f, d, fmt);
		break;
	case OUTPUT_TABLE:
		output_diff_table(f, d);
		break;
	}
}
