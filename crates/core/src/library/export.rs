//! From a library to what the browser loads: article metadata and the
//! search index's documents, together the catalog.

use super::Library;
use crate::catalog::{ArticleMeta, Catalog, CATALOG_FORMAT};
use crate::config::SiteConfig;
use crate::search::{IndexDoc, SearchIndex};

impl Library {
    /// The catalog's metadata of each article, in library order.
    pub fn metadata(&self) -> Vec<ArticleMeta> {
        self.articles
            .iter()
            .map(|a| ArticleMeta {
                slug: a.slug.clone(),
                title: a.front.title.clone(),
                summary: a.front.summary.clone(),
                category: a.front.category.clone(),
                tags: a.front.tags.clone(),
                aliases: a.front.aliases.clone(),
                updated: a.front.updated.clone(),
                review_by: a.front.review_by.clone(),
                source: None,
            })
            .collect()
    }

    /// Each article as the search index takes it, in library order (so a document id is an article's position).
    pub fn index_docs(&self) -> Vec<IndexDoc> {
        self.articles
            .iter()
            .map(|a| IndexDoc {
                title: a.front.title.clone(),
                keywords: a
                    .front
                    .tags
                    .iter()
                    .chain(&a.front.aliases)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" "),
                headings: a
                    .rendered
                    .headings
                    .iter()
                    .map(|h| h.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" \n"),
                summary: a.front.summary.clone(),
                body: a
                    .rendered
                    .sections
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" \n"),
            })
            .collect()
    }

    /// The catalog `lantern build` writes: the site config's parts, the
    /// articles and their index, with the configured synonyms. Each
    /// article names its source file only when the site has an edit URL.
    pub fn catalog(&self, config: &SiteConfig) -> Catalog {
        let mut articles = self.metadata();
        if !config.site.edit_url.is_empty() {
            for (meta, article) in articles.iter_mut().zip(&self.articles) {
                meta.source = Some(article.relative_path.clone());
            }
        }
        Catalog {
            format: CATALOG_FORMAT,
            site: config.site.clone(),
            categories: config.categories.clone(),
            articles,
            index: {
                let mut index = SearchIndex::build(&self.index_docs());
                index.set_synonyms(crate::search::Synonyms::new(config.search.synonym_groups()));
                index
            },
            ticket: config.ticket.clone(),
            events: config.events.clone(),
        }
    }
}
