package csl

// BuiltinLocale returns the embedded en-US locale.
func BuiltinLocale() (*Locale, error) {
	return nil, ErrUnknownStyle
}

// BuiltinStyle returns a built-in style by name.
func BuiltinStyle(name string) (*Style, error) {
	return nil, ErrUnknownStyle
}
