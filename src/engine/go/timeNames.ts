// Go's time package short names (time.Format's `Mon` and `Jan`), shared by every printer that
// formats dates as a Go program does.

/** DAYS: short weekday names, Sunday first (time.Weekday). */
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** MONTHS: short month names, January first. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
