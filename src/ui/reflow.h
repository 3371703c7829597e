/*
 * reflow.h - registry prose as paragraphs, for the detail pane.
 *
 * IANA's descriptions and notes carry the line breaks and indentation of
 * the XML source (or of the CSV that renders it), and the pane wraps
 * again, so words end up alone on lines.  reflow() joins the lines of a
 * paragraph with single spaces and keeps only the breaks a reader needs:
 *
 *	- a blank line (one blank line between paragraphs, however many);
 *	- a line laid out in columns (a run of two spaces or a tab inside
 *	  it, as iax 4569's table of TXT keys): kept whole, indentation
 *	  and all, and the line after it starts anew;
 *	- a list item (a line starting "* ", "- ", "+ ", "o " or "1. ",
 *	  "1) "): starts a line; a following line joins it only when it is
 *	  indented deeper than the item.
 *
 * Neither form says which breaks were <br/> (the XML) or source wrapping:
 * the loaders keep both as '\n', as IANA's CSV does, so these rules read
 * the layout instead.  Leading and trailing blank lines go.
 */
#ifndef PORTREG_REFLOW_H
#define PORTREG_REFLOW_H

/* The reflowed copy of text (NULL stays NULL).  Caller frees. */
char	*reflow(const char *text);

#endif
