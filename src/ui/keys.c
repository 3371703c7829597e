/*
 * keys.c - key names, bindings and documentation from the key table.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "keys.h"

static const char *keys_name_table[ACT_COUNT] = {
	[ACT_NONE] = "",
#define KEYS_NAMES(a, k, h, fn) [ACT_##a] = k,
	KEYS_TABLE(KEYS_NAMES)
#undef KEYS_NAMES
};

static const char *keys_help_table[ACT_COUNT] = {
	[ACT_NONE] = "",
#define KEYS_HELP(a, k, h, fn) [ACT_##a] = h,
	KEYS_TABLE(KEYS_HELP)
#undef KEYS_HELP
};

static const char *keys_action_table[ACT_COUNT] = {
	[ACT_NONE] = "none",
#define KEYS_ACTION(a, k, h, fn) [ACT_##a] = #a,
	KEYS_TABLE(KEYS_ACTION)
#undef KEYS_ACTION
};

static const struct {
	const char	*name;
	int		 keyc;
} keys_special[] = {
	{ "Down",	KEYC_DOWN },
	{ "Up",		KEYC_UP },
	{ "Left",	KEYC_LEFT },
	{ "Right",	KEYC_RIGHT },
	{ "PgDn",	KEYC_PGDN },
	{ "PgUp",	KEYC_PGUP },
	{ "Home",	KEYC_HOME },
	{ "End",	KEYC_END },
	{ "Enter",	KEYC_ENTER },
	{ "Tab",	KEYC_TAB },
	{ "Shift-Tab",	KEYC_BTAB },
	{ "Backspace",	KEYC_BSPACE },
	{ "Delete",	KEYC_DC },
	{ "Esc",	KEYC_ESC },
	{ "Space",	' ' },
	{ "F1",		KEYC_F1 },
};

const char *
keys_names(enum key_action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	return keys_name_table[a];
}

const char *
keys_help(enum key_action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	return keys_help_table[a];
}

const char *
keys_action_name(enum key_action a)
{
	static char	 names[ACT_COUNT][32];
	const char	*s;
	size_t		 i;

	if (a < ACT_NONE || a >= ACT_COUNT)
		a = ACT_NONE;
	if (names[a][0] == '\0') {
		s = keys_action_table[a];
		for (i = 0; s[i] != '\0' && i < sizeof names[a] - 1; i++)
			names[a][i] = s[i] == '_' ? '-' :
			    (s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		names[a][i] = '\0';
	}
	return names[a];
}

int
keys_parse(const char *name, size_t len)
{
	size_t	 i;
	int	 c;

	if (len == 0)
		return -1;
	for (i = 0; i < sizeof keys_special / sizeof keys_special[0]; i++) {
		if (strlen(keys_special[i].name) == len &&
		    strncmp(keys_special[i].name, name, len) == 0)
			return keys_special[i].keyc;
	}
	if (len == 6 && strncmp(name, "Ctrl-", 5) == 0) {
		c = (unsigned char)name[5];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c < '@' || c > '_')
			return -1;
		return KEYC_CTRL(c);
	}
	if (len == 1 && (unsigned char)name[0] > ' ' &&
	    (unsigned char)name[0] < 0x7f)
		return (unsigned char)name[0];
	return -1;
}

/*
 * Every key a name in the table can give is ASCII or a special key, so
 * the bindings fit two small maps, filled from the table on first use:
 * a key press is then one lookup, not a parse of every name.  The first
 * action naming a key wins, as in the table's order.
 */
_Static_assert(ACT_COUNT <= 256, "actions fit the maps' bytes");

enum key_action
keys_action(int keyc)
{
	static unsigned char	 ascii[0x80], special[KEYC_LAST - KEYC_BASE];
	static int		 built;
	const char		*s, *e;
	int			 a, c;

	if (!built) {
		for (a = ACT_COUNT - 1; a > ACT_NONE; a--) {
			for (s = keys_name_table[a]; *s != '\0'; s = e) {
				while (*s == ' ')
					s++;
				e = s;
				while (*e != '\0' && *e != ' ')
					e++;
				if (e == s || (c = keys_parse(s, e - s)) < 0)
					continue;
				if (c < 0x80)
					ascii[c] = (unsigned char)a;
				else if (c > KEYC_BASE && c < KEYC_LAST)
					special[c - KEYC_BASE] =
					    (unsigned char)a;
			}
		}
		built = 1;
	}
	if (keyc >= 0 && keyc < 0x80)
		return (enum key_action)ascii[keyc];
	if (keyc > KEYC_BASE && keyc < KEYC_LAST)
		return (enum key_action)special[keyc - KEYC_BASE];
	return ACT_NONE;
}

/* Write s for roff: escape backslashes and hyphens. */
static void
keys_roff(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void
keys_man(FILE *f)
{
	const char	*s;
	int		 a;

	fputs("With no query on a terminal, portreg browses the registry in\n"
	    "three panes: the list, the detail of the selected row and its\n"
	    "contacts.  The keys follow less and vi; the help overlay\n"
	    "(\\fBh\\fP) shows this same list.\n", f);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		fputs(".TP\n.B \"", f);
		for (s = keys_name_table[a]; *s != '\0'; s++) {
			if (*s == ' ')
				fputs(", ", f);
			else if (*s == '-')
				fputs("\\-", f);
			else
				fputc(*s, f);
		}
		fputs("\"\n", f);
		keys_roff(f, keys_help_table[a]);
		fputc('\n', f);
	}
	fputs(".PP\n"
	    "The detail pane underlines its links: each reference that is a\n"
	    "URL, an RFC or an Internet-Draft (as its rfc\\-editor.org or\n"
	    "datatracker URL), and the e\\-mail and URI of each person.\n"
	    "The highlighted one is what\n"
	    ".B o\n"
	    "opens; with the detail pane focused,\n"
	    ".B j\n"
	    "and\n"
	    ".B k\n"
	    "move the highlight from link to link, scrolling as they go.\n"
	    "Links open with \\fB$BROWSER\\fP or \\fBxdg\\-open\\fP, never\n"
	    "through a shell.\n"
	    ".PP\n"
	    "At a prompt, Enter accepts, Esc cancels, Ctrl\\-U clears the line\n"
	    "and Backspace deletes a character.\n"
	    "Up and Down recall the prompt's earlier entries, kept across runs\n"
	    "(see \\fBFILES\\fP); Tab in the \\fB:\\fP prompt completes a service\n"
	    "name, listing the candidates when there are several.\n"
	    "The minimap (\\fBm\\fP) is the list's top line: each cell a slice\n"
	    "of ports 0\\(en65535, shaded by how much of it the rows shown assign\n"
	    "(block characters, or ASCII outside a UTF\\-8 locale), with\n"
	    ".B |\n"
	    "where the selected row is; a click on it selects the row at that\n"
	    "port.\n"
	    "\\fBy\\fP and \\fBY\\fP copy with OSC 52 (the terminal's clipboard; tmux\n"
	    "needs \\fBset\\-clipboard on\\fP), the text sanitised first, and also with\n"
	    "\\fBwl\\-copy\\fP or \\fBxclip\\fP when on \\fBPATH\\fP with a display set;\n"
	    "the message line says where it went.\n"
	    "With the mouse, a click selects a row or focuses a pane and the\n"
	    "wheel scrolls.\n"
	    "The focused pane's name starts with\n"
	    ".BR > .\n", f);
}
