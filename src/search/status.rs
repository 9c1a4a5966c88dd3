//! The line under the search box that says what was found (also the
//! results' live region): counts that are honest about the counting pool's
//! limit, the query echoed short, so a pasted page of text does not push
//! the results off the screen, and said as the search read it when it
//! corrected typos, or that the results hold only some of its words.

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

/// The query as the status line echoes it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Echo<'a> {
    /// What was typed.
    pub typed: &'a str,
    /// The query as the search read it, when it corrected typos and the
    /// results come from the corrected words.
    pub read: Option<&'a str>,
    /// No article holds all of the query; the results hold some of it.
    pub partial: bool,
}

impl Echo<'_> {
    /// The words in quotes: “vpn”, or “printer queue” (corrected from
    /// “pirnter qeueu”). Empty without a query.
    fn phrase(&self) -> String {
        let typed = short_query(self.typed);
        match self.read {
            _ if typed.is_empty() => String::new(),
            Some(read) => format!("“{}” (corrected from “{typed}”)", short_query(read)),
            None => format!("“{typed}”"),
        }
    }
}

/// "12 articles match “vpn”.", "Top 10 of 27 articles in Network & VPN
/// for “vpn”.", "Top 10 of 200+ articles for “password”.", "2 articles
/// match “printer queue” (corrected from “pirnter qeueu”).", "No article
/// matches all of “printer zzqx”; showing the 3 that match some of its
/// words."; empty without a query. `more` says whether there are results
/// past the `shown` ones; `scope` is the filters' phrase ("in Network &
/// VPN"), or empty.
pub fn status_text(echo: &Echo, shown: usize, total: Total, more: bool, scope: &str) -> String {
    let q = echo.phrase();
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
        return format!("No {articles} match {q}.");
    }
    if echo.partial {
        let (which, verb) = match (more, shown) {
            (true, _) => (format!("the first {shown}"), "match"),
            (false, 1) => ("the 1".to_string(), "matches"),
            (false, _) => (format!("the {shown}"), "match"),
        };
        return format!(
            "No {article} matches all of {q}; showing {which} that {verb} some of its words."
        );
    }
    // With nothing past the ones shown, they are all there is.
    let total = if more { total } else { Total::Exact(shown) };
    match total {
        Total::Exact(t) if t > shown => format!("Top {shown} of {t} {articles} for {q}."),
        Total::AtLeast(t) => format!(
            "Top {shown} of {} {articles} for {q}.",
            count_label(t.max(shown), true)
        ),
        Total::Unknown if more => format!("Top {shown} {articles} for {q}."),
        _ if shown == 1 => format!("1 {article} matches {q}."),
        _ => format!("{shown} {articles} match {q}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn typed(query: &str) -> Echo<'_> {
        Echo {
            typed: query,
            ..Echo::default()
        }
    }

    #[wasm_bindgen_test]
    fn a_long_query_is_echoed_as_its_first_sixty_characters() {
        let long = "outlook password ".repeat(300);
        let echoed = short_query(&long);
        // Sixty characters of the query, then the ellipsis.
        assert_eq!(echoed.chars().count(), 61);
        assert!(echoed.ends_with('…'));
        assert!(long.starts_with(echoed.trim_end_matches('…')));
        let status = status_text(&typed(&long), 10, Total::Exact(27), true, "");
        assert!(status.chars().count() < 120, "{status}");
        // Short queries, and multi-byte ones, are echoed whole.
        assert_eq!(short_query("  🙂🙂 打印 "), "🙂🙂 打印");
        let sixty = "é".repeat(60);
        assert_eq!(short_query(&sixty), sixty);
    }

    #[wasm_bindgen_test]
    fn a_full_pool_is_counted_as_a_lower_bound_never_as_exact() {
        assert_eq!(
            status_text(&typed("password"), 10, Total::AtLeast(200), true, ""),
            "Top 10 of 200+ articles for “password”."
        );
        assert_eq!(
            status_text(&typed("password"), 10, Total::AtLeast(4), true, "in Email"),
            "Top 10 of 10+ articles in Email for “password”."
        );
        // Once everything is shown, the count is exact.
        assert_eq!(
            status_text(&typed("password"), 3, Total::AtLeast(2), false, "in Email"),
            "3 articles in Email match “password”."
        );
        assert_eq!(count_label(200, true), "200+");
        assert_eq!(count_label(27, false), "27");
    }

    #[wasm_bindgen_test]
    fn exact_counts_say_top_n_of_t_only_when_some_are_not_shown() {
        assert_eq!(
            status_text(&typed("vpn"), 10, Total::Exact(27), true, ""),
            "Top 10 of 27 articles for “vpn”."
        );
        assert_eq!(
            status_text(&typed("vpn"), 20, Total::Exact(20), false, ""),
            "20 articles match “vpn”."
        );
        assert_eq!(
            status_text(&typed("vpn"), 1, Total::Exact(1), false, "in Network & VPN"),
            "1 article in Network & VPN matches “vpn”."
        );
        assert_eq!(
            status_text(&typed("vpn"), 10, Total::Unknown, true, ""),
            "Top 10 articles for “vpn”."
        );
        assert_eq!(
            status_text(&typed("zzqxj"), 0, Total::Exact(0), false, ""),
            "No articles match “zzqxj”."
        );
        assert_eq!(
            status_text(&typed("   "), 0, Total::Exact(0), false, ""),
            ""
        );
    }

    #[wasm_bindgen_test]
    fn corrected_results_are_counted_for_the_words_read_and_name_the_words_typed() {
        let echo = Echo {
            typed: "pirnter qeueu",
            read: Some("printer queue"),
            partial: false,
        };
        assert_eq!(
            status_text(&echo, 2, Total::Exact(2), false, ""),
            "2 articles match “printer queue” (corrected from “pirnter qeueu”)."
        );
        assert_eq!(
            status_text(&echo, 10, Total::Exact(27), true, "in Devices"),
            "Top 10 of 27 articles in Devices for “printer queue” (corrected from “pirnter qeueu”)."
        );
    }

    #[wasm_bindgen_test]
    fn partial_results_say_that_no_article_holds_every_word() {
        let echo = Echo {
            partial: true,
            ..typed("printer zzqx")
        };
        assert_eq!(
            status_text(&echo, 3, Total::Exact(3), false, ""),
            "No article matches all of “printer zzqx”; showing the 3 that match some of its words."
        );
        assert_eq!(
            status_text(&echo, 1, Total::Unknown, false, "in Devices"),
            "No article in Devices matches all of “printer zzqx”; showing the 1 that matches some of its words."
        );
        assert_eq!(
            status_text(&echo, 10, Total::AtLeast(200), true, ""),
            "No article matches all of “printer zzqx”; showing the first 10 that match some of its words."
        );
    }
}
