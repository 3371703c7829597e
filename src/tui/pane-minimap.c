/*
 * pane-minimap.c - the port-space minimap's line (ui.h): a cell per
 * slice of ports 0-65535, shaded by how much of it is assigned (block
 * characters, or ASCII where the locale is not UTF-8), and a '|' where
 * the selected row sits.
 */
#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "draw.h"
#include "pane.h"
#include "ui.h"
#include "xmalloc.h"

/* The shades, UI_MINIMAP_LEVELS of them, lightest first. */
static const char *const pane_mm_utf8[UI_MINIMAP_LEVELS] = {
	" ", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};
static const char pane_mm_ascii[UI_MINIMAP_LEVELS + 1] = " .:-=+*#@";

void
pane_minimap_draw(const struct ui *ui, const struct rect *r)
{
	const unsigned char	*levels;
	struct sline		 sl;
	struct buf		 b = { 0 };
	const char		*cs = nl_langinfo(CODESET);
	size_t			 n, x;
	long			 marker;
	int			 utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
				     strcmp(cs, "utf8") == 0);
	attr_t			 a = draw_attr(ROLE_GAP);

	if (r->h <= 0 || r->w <= 0)
		return;
	draw_clear(r);
	if ((n = ui_minimap_cells(ui, &levels, &marker)) == 0)
		return;
	sline_start(&sl, r->y, r->x, r->w);
	for (x = 0; x <= n; x++) {
		if (x == n || (long)x == marker) {
			/* Out with the run so far, then the marker. */
			if (b.len > 0)
				sline_add(&sl, b.data, b.len, a, -1);
			buf_clear(&b);
			if (x < n)
				sline_adds(&sl, "|", draw_attr(ROLE_CURSOR));
			continue;
		}
		if (utf8)
			buf_adds(&b, pane_mm_utf8[levels[x] %
			    UI_MINIMAP_LEVELS]);
		else
			buf_addc(&b, pane_mm_ascii[levels[x] %
			    UI_MINIMAP_LEVELS]);
	}
	buf_free(&b);
}
