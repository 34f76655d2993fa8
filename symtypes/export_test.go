package symtypes

// Skipped returns the symbols im could not convert, as "path.Name: reason".
func Skipped(im *Importer) []string {
	im.mu.Lock()
	defer im.mu.Unlock()
	return append([]string(nil), im.skipped...)
}
