// A date, integer or boolean value __VALUE__ as text (null stays null).
toString(__VALUE__)
