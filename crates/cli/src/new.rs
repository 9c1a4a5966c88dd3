//! `lantern new "Title"`: a new article from the house template.

use std::path::Path;
use std::process::ExitCode;

use lantern_core::config::SiteConfig;
use lantern_core::slug::slugify;

use crate::error::Result;
use crate::output::Stdout;

pub fn run(
    title: &str,
    articles: &Path,
    config: Option<&Path>,
    category: Option<&str>,
) -> Result<ExitCode> {
    let config = crate::site_config(config)?;
    for (what, text) in [("title", Some(title)), ("--category", category)] {
        if text.is_some_and(|t| t.chars().any(char::is_control)) {
            return Err(format!(
                "the {what} has a line break or another control character: write it on one line"
            )
            .into());
        }
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err("the title needs letters or digits to make a file name".into());
    }
    if let Some(category) = category {
        let ids = config.category_ids();
        if !ids.is_empty() && !ids.iter().any(|id| id == category) {
            return Err(format!(
                "unknown category `{category}` (lantern.toml has: {})",
                ids.join(", ")
            )
            .into());
        }
    }
    let path = articles.join(format!("{slug}.md"));
    if path.exists() {
        eprintln!(
            "{} already exists: pick another title or edit that article",
            path.display()
        );
        return Ok(ExitCode::from(1));
    }
    let today = crate::today();
    let review_by = days_after(&today, config.authoring.review_period_days)
        .ok_or("cannot compute the review date")?;
    std::fs::create_dir_all(articles)
        .map_err(|e| format!("cannot create {}: {e}", articles.display()))?;
    let text = lantern_core::template::article(title, category.unwrap_or(""), &today, &review_by);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    // The path alone on stdout, for scripts (`$EDITOR $(lantern new …)`);
    // what to do next on stderr, for the author.
    Stdout::lock().line(path.display())?;
    eprintln!("{}", next_steps(&path, &slug, &config));
    Ok(ExitCode::SUCCESS)
}

/// What an author does after `lantern new`, and where the article will be.
fn next_steps(path: &Path, slug: &str, config: &SiteConfig) -> String {
    let base_url = config.site.base_url.trim().trim_end_matches('/');
    let permalink = if base_url.is_empty() {
        format!("/a/{slug}/ on the site")
    } else {
        format!("{base_url}/a/{slug}/")
    };
    format!(
        "created {path}\n\
         next: open {path} and replace the template's sample text with the real summary, tags and steps,\n\
         \x20     then run `lantern check` to see what is left to fix.\n\
         once published it will be at {permalink} (the file name is its address: rename the file to change it).",
        path = path.display()
    )
}

pub(crate) fn days_after(day: &str, days: u32) -> Option<String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, &format).ok()?;
    date.checked_add(time::Duration::days(i64::from(days)))?
        .format(&format)
        .ok()
}
