package kernel

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Logo is igo's kernel logo as a PNG of size×size pixels: a prompt, ">_",
// in white on Go's blue, drawn with anti-aliased edges.
func Logo(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x00, 0xad, 0xd8, 0xff}
	const samples = 4 // per axis, per pixel
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var bg, fg int
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					// The point in unit coordinates.
					u := (float64(x) + (float64(sx)+0.5)/samples) / float64(size)
					v := (float64(y) + (float64(sy)+0.5)/samples) / float64(size)
					if !inRoundedSquare(u, v, 0.18) {
						continue
					}
					bg++
					if inPrompt(u, v) {
						fg++
					}
				}
			}
			if bg == 0 {
				continue
			}
			// White over blue, by coverage; the square's edge is alpha.
			t := float64(fg) / float64(bg)
			mix := func(c uint8) uint8 { return uint8(math.Round(float64(c)*(1-t) + 255*t)) }
			img.SetNRGBA(x, y, color.NRGBA{mix(blue.R), mix(blue.G), mix(blue.B), uint8(255 * bg / (samples * samples))})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img) // writes to memory: cannot fail
	return buf.Bytes()
}

// inRoundedSquare reports whether (u, v) is in the unit square with
// corners of radius r.
func inRoundedSquare(u, v, r float64) bool {
	dx := math.Max(math.Max(r-u, u-(1-r)), 0)
	dy := math.Max(math.Max(r-v, v-(1-r)), 0)
	return dx*dx+dy*dy <= r*r
}

// inPrompt reports whether (u, v) is on the strokes of ">_".
func inPrompt(u, v float64) bool {
	const w = 0.075 // half the stroke width
	return nearSegment(u, v, 0.22, 0.28, 0.47, 0.5, w) ||
		nearSegment(u, v, 0.47, 0.5, 0.22, 0.72, w) ||
		nearSegment(u, v, 0.55, 0.72, 0.8, 0.72, w)
}

// nearSegment reports whether (u, v) is within w of the segment from
// (x0, y0) to (x1, y1).
func nearSegment(u, v, x0, y0, x1, y1, w float64) bool {
	dx, dy := x1-x0, y1-y0
	t := ((u-x0)*dx + (v-y0)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	px, py := x0+t*dx-u, y0+t*dy-v
	return px*px+py*py <= w*w
}
