/// The words that mark boilerplate, kept apart from the algorithm that uses them (the way
/// trafilatura keeps its XPath lists and Readability its REGEXPS block). Class and id values
/// are split into lower-case tokens at punctuation and camelCase boundaries ("shareBar-top" →
/// share, bar, top; also the joined pairs "sharebar", "bartop"), and each token is looked up here.
enum BoilerplateVocabulary {
    /// Class/id tokens per category. When tokens of several categories match, the one listed
    /// first in `categoryPriority` wins.
    static let classTokens: [BoilerplateCategory: [String]] = [
        .consent: ["cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "didomi", "cookiebanner", "cookienotice"],
        .paywall: ["paywall", "regwall", "meter", "metered", "subscribe", "subscription", "subscriptions", "offer", "offers",
                   "trial", "piano", "tpmodal", "premiumbanner", "barrier", "upsell"],
        .newsletter: ["newsletter", "newsletters", "signup", "mailinglist", "optin", "emailsignup"],
        .sponsor: ["sponsor", "sponsored", "sponsors", "advert", "adverts", "advertisement", "advertising", "ad", "ads",
                   "adslot", "adunit", "adsense", "dfp", "gpt", "promo", "promoted", "outbrain", "taboola", "zergnet",
                   "revcontent", "mgid", "commercial", "brandedcontent", "partnercontent", "nativead"],
        .comments: ["comment", "comments", "disqus", "respond", "reply", "replies", "commentlist", "commentform", "discussion"],
        .share: ["share", "shares", "sharing", "social", "socials", "sharebar", "sharetools", "addthis", "sharethis",
                 "sociallinks", "socialshare", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "telegram",
                 "followus"],
        .related: ["related", "recommended", "recommendations", "recommend", "recirc", "recirculation", "readmore",
                   "morestories", "morenews", "trending", "popular", "mostread", "mostpopular", "mostviewed", "alsoread",
                   "seealso", "readnext", "upnext", "nextarticle", "moreon", "youmaylike", "teasers"],
        .navigation: ["nav", "navbar", "navigation", "menu", "megamenu", "submenu", "subnav", "breadcrumb", "breadcrumbs",
                      "crumbs", "masthead", "topbar", "pagination", "pager", "sitemap", "footer", "skiplink", "skip",
                      "search", "searchform", "tags", "tag", "taglist", "tagcloud", "dropdown"],
        .credit: ["byline", "bylines", "dateline", "author", "authors", "timestamp", "pubdate", "published", "postmeta",
                  "entrymeta", "articlemeta", "meta", "credit", "credits", "copyright", "photographer", "imagecredit", "photocredit"],
        .widget: ["sidebar", "rail", "widget", "widgets", "toolbar", "fontsize", "textsize", "readmode", "readermode",
                  "accessibility", "modal", "popup", "overlay", "lightbox", "login", "signin", "rating", "reactions",
                  "print", "bookmark", "tooltip", "toast", "gallery", "slideshow", "carousel", "slider", "ticker"],
    ]

    static let categoryPriority: [BoilerplateCategory] = [
        .consent, .paywall, .newsletter, .sponsor, .comments, .share, .related, .navigation, .hidden, .credit, .widget,
    ]

    /// Stems that mark a category even inside one unsplit word ("relatedpoststitle",
    /// "sponsoredbox"); only stems that do not begin ordinary article words are listed.
    static let strongStems: [(String, BoilerplateCategory)] = [
        ("related", .related), ("recommended", .related), ("sponsor", .sponsor), ("advert", .sponsor),
        ("newsletter", .newsletter), ("breadcrumb", .navigation), ("cookie", .consent), ("paywall", .paywall),
        ("disqus", .comments), ("outbrain", .sponsor), ("taboola", .sponsor), ("socialshare", .share),
    ]

    /// Headings that open a block of links to other stories, in the languages of the pages seen.
    static let relatedHeadings: [String] = [
        "related", "related articles", "related stories", "related posts", "related content", "related news",
        "more stories", "more news", "you may also like", "you might also like", "recommended", "recommended for you",
        "read more", "read next", "see also", "also read", "more from", "more on this", "most read", "most popular",
        "trending", "popular", "latest news", "more like this", "breaking news", "top stories", "latest stories",
        "editor's picks", "editors' picks", "don't miss", "also on", "around the web",
        "você pode gostar", "voce pode gostar", "veja também", "leia também", "leia mais", "notícias relacionadas",
        "te puede interesar", "también te puede interesar", "lee también", "noticias relacionadas", "artículos relacionados",
        "à lire aussi", "a lire aussi", "lire aussi", "vous aimerez aussi", "sur le même sujet",
        "lesen sie auch", "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel",
        "leggi anche", "potrebbe interessarti", "articoli correlati", "lees ook", "gerelateerde artikelen",
        "читайте также", "по теме", "другие новости",
    ]

    /// Whole class names that hide an element on every screen. Matched as whole names, not
    /// tokens: `hidden-xs` or `hidden-print` hide it only sometimes.
    static let hidingClassNames: Set<String> = [
        "hidden", "hide", "is-hidden", "u-hidden", "sr-only", "sr-only-focusable", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "screenreader-only", "offscreen", "invisible", "d-none", "display-none",
    ]

    /// Joined tokens that name the article body itself. An element named so is never removed
    /// by its class tokens (`entry-content entry-content-read-more` is the story, not a teaser).
    static let articleBodyNames: Set<String> = [
        "entrycontent", "articlebody", "articletext", "articlecontent", "storybody", "storycontent", "storytext",
        "postbody", "postcontent", "posttext", "bodytext", "maincontent", "articlecopy", "storycopy",
    ]

    /// Categories whose tokens an article word in the same class or id overrides
    /// (`content-with-sidebar`, `main-nav-content`); the others win regardless (`related-content`).
    static let weakCategories: Set<BoilerplateCategory> = [.widget, .navigation, .credit]

    /// Words that turn a social-network name into embedded content rather than share buttons.
    static let embedWords: Set<String> = ["embed", "embeds", "embedded", "tweet", "post", "oembed"]

    /// Tokens that mark the article itself; they raise a candidate's score.
    static let positiveTokens: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "entrycontent", "main", "post", "postbody", "postcontent",
        "story", "storybody", "storycontent", "text", "blog", "prose", "richtext", "articletext",
    ]

    /// ARIA roles that mark page furniture.
    static let roles: [String: BoilerplateCategory] = [
        "navigation": .navigation, "banner": .navigation, "contentinfo": .navigation, "search": .navigation,
        "menu": .navigation, "menubar": .navigation, "complementary": .widget, "dialog": .widget,
        "alertdialog": .widget, "toolbar": .widget,
    ]

    /// Text of short blocks that is boilerplate whatever the markup around it.
    /// Matched on the lower-cased block text with straight apostrophes.
    static let phrases: [(category: BoilerplateCategory, match: PhraseMatch)] = [
        (.related, .prefix("read more")), (.related, .prefix("related:")), (.related, .exact("related")),
        (.related, .exact("related articles")), (.related, .exact("related stories")), (.related, .prefix("see also")),
        (.related, .prefix("also read")), (.related, .prefix("read also")), (.related, .prefix("you may also like")),
        (.related, .prefix("more on this")), (.related, .prefix("recommended for you")), (.related, .prefix("top content")),
        (.related, .exact("trending")), (.related, .prefix("most read")), (.related, .prefix("most popular")),
        (.share, .exact("share")), (.share, .prefix("share this")), (.share, .prefix("share on")), (.share, .prefix("share article")),
        (.share, .exact("tweet")), (.share, .exact("email")), (.share, .exact("print")),
        (.newsletter, .contains("google news channel")), (.newsletter, .contains("sign up for our")),
        (.newsletter, .contains("subscribe to our newsletter")), (.newsletter, .prefix("follow us on")),
        (.newsletter, .contains("follow our google")), (.newsletter, .prefix("for the latest headlines, follow")),
        (.newsletter, .prefix("get the latest updates")), (.newsletter, .contains("right in your inbox")),
        (.newsletter, .contains("newsletters.")), (.newsletter, .prefix("sign up for")), (.newsletter, .prefix("have a tip?")),
        (.newsletter, .contains("delivered to your inbox")),
        (.sponsor, .exact("advertisement")), (.sponsor, .exact("advert")), (.sponsor, .exact("anzeige")),
        (.sponsor, .exact("publicidade")), (.sponsor, .exact("publicidad")), (.sponsor, .exact("publicité")), (.sponsor, .exact("advertising")), (.sponsor, .exact("sponsored content")),
        (.sponsor, .exact("sponsored")), (.sponsor, .contains("content was commissioned by")), (.sponsor, .exact("ad")),
        (.sponsor, .prefix("about sponsored content")), (.sponsor, .exact("story continues below advertisement")),
        (.paywall, .contains("free article")), (.paywall, .contains("subscribe now")), (.paywall, .contains("already a subscriber")),
        (.paywall, .contains("your trial period")), (.paywall, .contains("you need a subscription")),
        (.paywall, .prefix("see all offers")), (.paywall, .prefix("try 1 month")), (.paywall, .prefix("try 3 months")),
        (.paywall, .prefix("offer ends")), (.paywall, .contains("has expired")),
        (.comments, .prefix("leave a reply")), (.comments, .prefix("leave a comment")), (.comments, .prefix("add your comment")),
        (.comments, .contains("akismet to reduce spam")), (.comments, .prefix("comments are closed")),
        (.comments, .contains("comments are approved by a moderator")), (.comments, .prefix("post a comment")),
        (.consent, .contains("we use cookies")), (.consent, .contains("accept all cookies")), (.consent, .contains("cookie policy")),
        (.widget, .exact("published: updated:")), (.widget, .exact("text size")), (.widget, .exact("font size")),
        (.comments, .exact("comments")), (.comments, .exact("comment")), (.comments, .exact("no comments")),
        (.comments, .exact("show comments")), (.comments, .exact("view comments")), (.widget, .exact("enable read mode")), (.widget, .contains("font size")),
        (.widget, .prefix("listen to this article")), (.widget, .exact("print this article")),
        (.navigation, .prefix("you are here")), (.navigation, .prefix("home >")), (.navigation, .prefix("home ›")),
        (.navigation, .prefix("home »")), (.navigation, .exact("skip to content")), (.navigation, .exact("skip to main content")),
        (.credit, .prefix("updated at ")), (.credit, .prefix("updated:")), (.credit, .prefix("last updated")),
        (.credit, .prefix("published at ")), (.credit, .prefix("posted at ")),
        (.credit, .prefix("photo:")), (.credit, .prefix("image:")), (.credit, .prefix("source:")),
        (.credit, .prefix("photo credit")), (.credit, .prefix("image credit")), (.credit, .prefix("© ")),
        (.credit, .prefix("(c) ")), (.credit, .prefix("copyright ©")), (.credit, .prefix("all rights reserved")),
        (.markup, .contains("[/button]")), (.markup, .contains("[/caption]")), (.markup, .contains("[/embed]")),
        (.widget, .contains("requires javascript")), (.widget, .exact("caption")), (.widget, .prefix("enable javascript")),
        (.comments, .prefix("tell us what you think")), (.comments, .prefix("join the conversation")),
        (.markup, .prefix("!--")), (.markup, .contains("-->")), (.markup, .contains("{{")), (.markup, .prefix("<script")),
    ]

    enum PhraseMatch {
        case exact(String), prefix(String), contains(String)

        /// Matches on UTF-8 bytes (Foundation's `contains` would go through NSString).
        func matches(_ text: [UInt8]) -> Bool {
            switch self {
            case .exact(let phrase): return text.elementsEqual(phrase.utf8)
            case .prefix(let phrase): return text.starts(with: phrase.utf8)
            case .contains(let phrase):
                let needle = Array(phrase.utf8)
                guard needle.count <= text.count, let first = needle.first else { return false }
                var index = 0
                while index + needle.count <= text.count {
                    if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// Blocks longer than this are never judged by phrase: real paragraphs may quote the words.
    static let phraseBlockLimit = 240

    static let tokenCategory: [String: BoilerplateCategory] = {
        var table: [String: BoilerplateCategory] = [:]
        for category in categoryPriority.reversed() {
            for token in classTokens[category] ?? [] { table[token] = category }
        }
        return table
    }()
}
