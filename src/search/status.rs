//! The line under the search box that says what was found (also the
//! results' live region): counts that are honest about the counting pool's
//! limit, and the query echoed short, so a pasted page of text does not
//! push the results off the screen.

/// Characters of the query echoed back.
const ECHO_CHARS: usize = 60;

/// The query as echoed: trimmed, and cut to its first [`ECHO_CHARS`]
/// characters (with "…") when longer.
pub fn short_query(query: &str) -> String {
    let query = query.trim();
    if query.chars().count() <= ECHO_CHARS {
        return query.to_string();
    }
    let cut: String = query.chars().take(ECHO_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// How many articles match in all, as far as is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Total {
    /// Not counted (the header box counts only what it shows).
    Unknown,
    Exact(usize),
    /// At least this many: the pool the matches were counted in was full.
    AtLeast(usize),
}

/// A count as shown on a chip or in the status line: "27", or "200+" when
/// it is only a lower bound.
pub fn count_label(count: usize, lower_bound: bool) -> String {
    if lower_bound {
        format!("{count}+")
    } else {
        count.to_string()
    }
}

/// "12 articles match “vpn”.", "Top 10 of 27 articles in Network & VPN
/// for “vpn”.", "Top 10 of 200+ articles for “password”."; empty without a
/// query. `more` says whether there are results past the `shown` ones;
/// `scope` is the filters' phrase ("in Network & VPN"), or empty.
pub fn status_text(query: &str, shown: usize, total: Total, more: bool, scope: &str) -> String {
    let q = short_query(query);
    if q.is_empty() {
        return String::new();
    }
    let scoped = |noun: &str| {
        if scope.is_empty() {
            noun.to_string()
        } else {
            format!("{noun} {scope}")
        }
    };
    let (articles, article) = (scoped("articles"), scoped("article"));
    if shown == 0 {
        return format!("No {articles} match “{q}”.");
    }
    // With nothing past the ones shown, they are all there is.
    let total = if more { total } else { Total::Exact(shown) };
    match total {
        Total::Exact(t) if t > shown => format!("Top {shown} of {t} {articles} for “{q}”."),
        Total::AtLeast(t) => format!(
            "Top {shown} of {} {articles} for “{q}”.",
            count_label(t.max(shown), true)
        ),
        Total::Unknown if more => format!("Top {shown} {articles} for “{q}”."),
        _ if shown == 1 => format!("1 {article} matches “{q}”."),
        _ => format!("{shown} {articles} match “{q}”."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_long_query_is_echoed_as_its_first_sixty_characters() {
        let long = "outlook password ".repeat(300);
        let echoed = short_query(&long);
        // Sixty characters of the query, then the ellipsis.
        assert_eq!(echoed.chars().count(), 61);
        assert!(echoed.ends_with('…'));
        assert!(long.starts_with(echoed.trim_end_matches('…')));
        let status = status_text(&long, 10, Total::Exact(27), true, "");
        assert!(status.chars().count() < 120, "{status}");
        // Short queries, and multi-byte ones, are echoed whole.
        assert_eq!(short_query("  🙂🙂 打印 "), "🙂🙂 打印");
        let sixty = "é".repeat(60);
        assert_eq!(short_query(&sixty), sixty);
    }

    #[wasm_bindgen_test]
    fn a_full_pool_is_counted_as_a_lower_bound_never_as_exact() {
        assert_eq!(
            status_text("password", 10, Total::AtLeast(200), true, ""),
            "Top 10 of 200+ articles for “password”."
        );
        assert_eq!(
            status_text("password", 10, Total::AtLeast(4), true, "in Email"),
            "Top 10 of 10+ articles in Email for “password”."
        );
        // Once everything is shown, the count is exact.
        assert_eq!(
            status_text("password", 3, Total::AtLeast(2), false, "in Email"),
            "3 articles in Email match “password”."
        );
        assert_eq!(count_label(200, true), "200+");
        assert_eq!(count_label(27, false), "27");
    }

    #[wasm_bindgen_test]
    fn exact_counts_say_top_n_of_t_only_when_some_are_not_shown() {
        assert_eq!(
            status_text("vpn", 10, Total::Exact(27), true, ""),
            "Top 10 of 27 articles for “vpn”."
        );
        assert_eq!(
            status_text("vpn", 20, Total::Exact(20), false, ""),
            "20 articles match “vpn”."
        );
        assert_eq!(
            status_text("vpn", 1, Total::Exact(1), false, "in Network & VPN"),
            "1 article in Network & VPN matches “vpn”."
        );
        assert_eq!(
            status_text("vpn", 10, Total::Unknown, true, ""),
            "Top 10 articles for “vpn”."
        );
        assert_eq!(
            status_text("zzqxj", 0, Total::Exact(0), false, ""),
            "No articles match “zzqxj”."
        );
        assert_eq!(status_text("   ", 0, Total::Exact(0), false, ""), "");
    }
}
