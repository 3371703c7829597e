/*
 * fuzz-ui.c - libFuzzer harness for the browser's state machine (ui.c,
 * no curses): the input is a stream of keys, resizes, clicks and wheel
 * turns fed to a fresh ui over a small registry with people, links,
 * ranges and gaps.  After each event it asks what a redraw asks (the
 * selected row, its detail and link, its people).  Prompts, search,
 * filter, go-to, help, history and the person lists all see fuzzed keys.
 *
 * Bytes: 0x10 R C a resize, 0x11 P R a click, 0x12 P D a wheel turn,
 * 0x80-0x8e the special keys (KEYC_DOWN to KEYC_F1: 0x88 is Enter, 0x8d
 * Esc), 0x8f-0xfe a code point (0xff: U+1F600), anything else itself
 * (control keys included: 0x0f is Ctrl-O).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "keys.h"
#include "layout.h"
#include "load.h"
#include "registry.h"
#include "ui.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_EVENTS	2000

static const char fuzz_registry[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<registry xmlns=\"http://www.iana.org/assignments\" "
    "id=\"service-names-port-numbers\">\n"
    "<title>Fuzz</title><updated>2026-08-17</updated>\n"
    "<record><protocol>tcp</protocol><number>0</number>"
    "<description>Reserved</description>"
    "<xref type=\"rfc\" data=\"rfc6335\"/></record>\n"
    "<record><name>echo</name><protocol>tcp</protocol><number>7</number>"
    "<description>Echo</description>"
    "<assignee><xref type=\"person\" data=\"Jon_Postel\"/></assignee>"
    "</record>\n"
    "<record><name>echo</name><protocol>udp</protocol><number>7</number>"
    "<description>Echo</description>"
    "<assignee><xref type=\"person\" data=\"Jon_Postel\"/></assignee>"
    "</record>\n"
    "<record><name>x11</name><protocol>tcp</protocol>"
    "<number>6000-6063</number><description>X Window System, a "
    "description long enough to wrap over several lines of a narrow "
    "pane: caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e wide"
    "</description><assignee><xref type=\"person\" "
    "data=\"Stephen_Gildea\"/></assignee><note>Unauthorized use "
    "<xref type=\"text\">known</xref><br/>second line</note></record>\n"
    "<record date=\"2010-08-02\" updated=\"2024-04-30\"><name>nbd</name><protocol>tcp</protocol><number>10809"
    "</number><description>Network Block Device</description>"
    "<assignee><xref type=\"person\" data=\"Wouter_Verhelst\"/>"
    "</assignee><xref type=\"uri\" data=\"https://github.com/"
    "NetworkBlockDevice/nbd/blob/master/doc/proto.md\"/>"
    "<xref type=\"draft\" data=\"draft-ietf-x-y-01\"/>"
    "</record>\n"
    "<record><name>helix</name><protocol>tcp</protocol><number>10860"
    "</number><description>Helix Client/Server</description>"
    "<assignee><xref type=\"person\" data=\"Matthew_Strange\"/>"
    "<xref type=\"person\" data=\"Larry_Atkin\"/></assignee>"
    "<unauthorized>yes</unauthorized></record>\n"
    "<record><name>helix</name><protocol>udp</protocol><number>10860"
    "</number><description>Helix Client/Server</description>"
    "<assignee><xref type=\"person\" data=\"Ghost\"/></assignee>"
    "</record>\n"
    "<record><name>argus</name><description>ARGUS</description>"
    "</record>\n"
    "<record><protocol>sctp</protocol><number>49152-65535</number>"
    "<description>Dynamic</description></record>\n"
    "<people>\n"
    "<person id=\"Jon_Postel\"><name>Jon Postel</name>"
    "<uri>mailto:postel&amp;isi.edu</uri><updated>1998-10-01</updated>"
    "</person>\n"
    "<person id=\"Stephen_Gildea\"><name>Stephen Gildea</name>"
    "<org>X Consortium</org><uri>mailto:gildea&amp;lcs.mit.edu</uri>"
    "</person>\n"
    "<person id=\"Wouter_Verhelst\"><name>Wouter Verhelst</name>"
    "<uri>mailto:w&amp;uter.be</uri></person>\n"
    "<person id=\"Matthew_Strange\"><name>Matthew Strange</name>"
    "<uri>https://example.com/m</uri></person>\n"
    "<person id=\"Larry_Atkin\"><name>Larry Atkin</name></person>\n"
    "</people>\n"
    "</registry>\n";

static struct registry	*reg;

static void
fuzz_layout(struct ui *ui, int rows, int cols)
{
	struct layout	 l;

	layout_compute(&l, rows, cols);
	ui_resize(ui, &l);
}

/*
 * What a redraw asks of the ui.  A row's detail depends on the row alone
 * (the loader harnesses fuzz it), so it is built again only when the row
 * changes: most events move nothing, and the build was half the time.
 */
static void
fuzz_draw(struct ui *ui, int fresh)
{
	static struct detail	 d;
	static int32_t		 built = INT32_MIN;
	int32_t			 row = ui_row(ui);
	size_t			 np;

	(void)ui_record(ui);
	if (row == INT32_MIN)
		return;
	if (fresh || row != built) {
		if (built != INT32_MIN)
			detail_free(&d);
		detail_build(&d, reg, row);
		built = row;
	}
	(void)ui_detail_link(ui, &d);
	(void)ui_people(ui, &np);
	(void)ui_layout(ui);
	if (ui->cursor > 0)
		(void)ui_row_at(ui, ui->cursor - 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui	*ui;
	size_t		 i, events = 0;
	int		 c, res;
	char		*err = NULL;

	if (reg == NULL) {
		reg = load_buffer(fuzz_registry, sizeof fuzz_registry - 1,
		    "fuzz", LOAD_XML, &err);
		if (reg == NULL)
			abort();
	}
	ui = ui_new(reg);
	fuzz_layout(ui, 24, 80);
	for (i = 0; i < size && events < FUZZ_EVENTS; i++, events++) {
		c = data[i];
		res = 0;
		if (c >= 0x80 && c <= 0x8e)
			res = ui_key(ui, KEYC_BASE + 1 + (c - 0x80));
		else if (c >= 0x10 && c <= 0x12 && i + 2 < size) {
			int a = data[i + 1], b = data[i + 2];

			i += 2;
			if (c == 0x10)
				fuzz_layout(ui, a % 80 + 1, b + 1);
			else if (c == 0x11)
				res = ui_click(ui, a % 5 - 1, b % 64 - 1);
			else
				res = ui_wheel(ui, a % 5 - 1, b & 1 ? 1 : -1);
		} else if (c == 0xff)
			res = ui_key(ui, 0x1f600);
		else
			res = ui_key(ui, c);
		if (res & UI_OPEN)
			ui_opened(ui, (i & 1) ? NULL : "fuzz");
		if (res & UI_QUIT)
			break;
		fuzz_draw(ui, events == 0);
	}
	ui_free(ui);
	return 0;
}
