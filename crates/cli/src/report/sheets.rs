//! The CSV files, for a spreadsheet: one per table a manager would sort or
//! chart themselves.

use super::model::*;

type Sheet = (String, String);

pub fn render(r: &Report) -> Result<Vec<Sheet>, String> {
    let daily = sheet(
        &["date", "searches", "zero_result", "views", "tickets"],
        r.daily.iter().map(|d| {
            vec![
                d.date.clone(),
                d.searches.to_string(),
                d.zero_result.to_string(),
                d.views.to_string(),
                d.tickets.to_string(),
            ]
        }),
    )?;
    let groups = |gs: &[QueryGroup]| {
        sheet(
            &["query", "count", "typed_as"],
            gs.iter().map(|g| {
                vec![
                    g.folded.clone(),
                    g.count.to_string(),
                    g.variants.join(" | "),
                ]
            }),
        )
    };
    let votes = sheet(
        &[
            "slug",
            "title",
            "yes",
            "no",
            "rate",
            "lower_bound",
            "reasons",
        ],
        r.articles.least_helpful.iter().map(|v| {
            let reasons: Vec<String> = v
                .reasons
                .iter()
                .map(|x| format!("{}: {}", x.reason, x.count))
                .collect();
            vec![
                v.slug.clone(),
                v.title.clone(),
                v.yes.to_string(),
                v.no.to_string(),
                format!("{:.3}", v.rate),
                format!("{:.3}", v.lower_bound),
                reasons.join(" | "),
            ]
        }),
    )?;
    Ok(vec![
        ("daily.csv".into(), daily),
        (
            "zero-result-searches.csv".into(),
            groups(&r.gaps.zero_result)?,
        ),
        ("no-click-searches.csv".into(), groups(&r.gaps.no_click)?),
        ("least-helpful-articles.csv".into(), votes),
    ])
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` typed as a
/// query) is quoted with `'`, as OWASP's CSV injection advice says.
fn inert(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn sheet(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(row.into_iter().map(inert))
            .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_that_looks_like_a_formula_stays_text() {
        let text = sheet(
            &["query"],
            [
                vec!["=HYPERLINK(\"http://x\")".to_string()],
                vec!["vpn".into()],
            ]
            .into_iter(),
        )
        .unwrap();
        assert_eq!(text, "query\n\"'=HYPERLINK(\"\"http://x\"\")\"\nvpn\n");
    }
}
