// Package display shows values richly: HTML, Markdown, images, JSON, as
// IPython's display() does. A cell calls it, and what it publishes reaches
// the front end: a Jupyter notebook renders the richest type it knows, a
// terminal prints the plain-text fallback.
//
//	display.HTML("<b>hi</b>")           // a notebook shows hi in bold; a terminal prints "hi"
//	display.Markdown("# Results")
//	display.PNG(data)                   // a terminal prints "<PNG image 64×32>"
//	display.JSON(map[string]int{"a": 1})
//	display.Value(img)                  // an image.Image is shown as a PNG
//
// # Bundles
//
// A Bundle is one displayable thing: its data under each MIME type it has,
// ready for encoding/json (text types and base64-encoded images are
// strings, "application/json" holds a decoded JSON value), and metadata.
// Every bundle published, and every bundle Of returns, has a "text/plain"
// entry a terminal can show; when a bundle lacks one, it is derived from
// the richest data the bundle has:
//
//   - text/html: the text with its tags dropped, block elements (p, div,
//     br, li, tr, h1…) ending lines and entities decoded ("<b>hi</b>" →
//     "hi"), or "<HTML, N bytes>" when no text is left (an <img>, say);
//   - text/markdown: the Markdown source, which reads well as it is;
//   - image/svg+xml: "<SVG image, N bytes>";
//   - image/png, image/jpeg: "<PNG image 64×32>" (its dimensions, from the
//     image's header);
//   - application/json: the JSON, indented by two spaces;
//   - anything else: "<display of image/gif>", naming the types.
//
// IPython prints "<IPython.core.display.HTML object>" for HTML in a
// terminal; the text of the page says more.
//
// # Values
//
// A type shows itself richly by implementing Displayer. Value publishes a
// value with the richest representation it has (a Bundle as is, a
// Displayer's bundle, an image.Image as a PNG, anything else as %v text);
// Of returns that bundle without publishing it, and says whether it is
// rich. The igo shell fills Result.Display with Of of a cell's value, also
// for types the cell itself declared: Symbols carries the interface
// wrapper the interpreter needs for them. (yaegi drops the methods of a
// struct of a cell's type held in an interface variable when it passes it
// to compiled code, as fmt.Println shows: pass the struct itself.)
//
// # Publishers
//
// Publish hands a bundle to the current publisher, a func(Bundle) global to
// the process, which SetPublisher replaces. With none set, the text/plain
// fallback is written to os.Stdout. An igo Shell sets its own when it runs
// a cell, and leaves it in place afterwards, so that a goroutine a cell
// started still displays in that shell after the cell has ended.
package display
