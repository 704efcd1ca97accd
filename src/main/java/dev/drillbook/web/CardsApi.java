package dev.drillbook.web;

import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewException;
import dev.drillbook.review.ReviewLogEntity;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.StatsService;
import dev.drillbook.review.StudyStats;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Cards, answers, the study queue and statistics as JSON. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spaced repetition", description = "Cards from the vault, FSRS-6 scheduling, reviews and statistics")
public class CardsApi {

    @Inject
    ReviewService reviews;

    @Inject
    StatsService stats;

    @Inject
    CardViews views;

    @Inject
    CardCatalog catalog;

    @Inject
    VaultGate gate;

    public record ReviewRequest(JsonNode rating, String reviewedAt) {
    }

    public record NextJson(CardViews.CardJson card, CardViews.StudyCard view, List<CardViews.Button> buttons, int newLeft,
            int learning, int reviewLeft, Instant nextDue) {
    }

    public record LogJson(long id, int rating, Instant reviewedAt, int elapsedDays, int scheduledDays, String stateBefore,
            String stateAfter, double stability, double difficulty, Instant due, boolean undone, String parametersId, Double desiredRetention) {
        static LogJson of(ReviewLogEntity r) {
            return new LogJson(r.id, r.rating, r.reviewedAt, r.elapsedDays, r.scheduledDays, r.stateBefore.toLowerCase(java.util.Locale.ROOT),
                    r.stateAfter.toLowerCase(java.util.Locale.ROOT), r.stabilityAfter, r.difficultyAfter, r.dueAfter, r.undone, r.parametersId,
                    r.desiredRetention);
        }
    }

    @GET
    @Path("cards")
    @Operation(summary = "List cards", description = "Cards from questions/ and #flashcards notes with their schedules. "
            + "Filters: deck (with sub-decks), tag (with nested tags), folder, note (vault path), due=true (learning or review "
            + "cards due now). Paged with offset/limit (limit ≤ 10,000).")
    public List<CardViews.CardJson> cards(@QueryParam("deck") String deck, @QueryParam("tag") String tag,
            @QueryParam("folder") String folder, @QueryParam("note") String note, @QueryParam("due") @DefaultValue("false") boolean due,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("1000") int limit) {
        ready();
        if (limit < 1 || limit > 10_000 || offset < 0) {
            throw ApiException.badRequest("limit must be 1–10000 and offset at least 0.");
        }
        Instant now = Instant.now();
        return reviews.cards(CardFilter.of(deck, tag, folder, note), due, deleted, now, offset, limit).stream()
                .map(c -> views.json(c, now)).toList();
    }

    @GET
    @Path("cards/{id}")
    @Operation(summary = "One card, with its schedule")
    @APIResponse(responseCode = "404", description = "no such card")
    public CardViews.CardJson card(@PathParam("id") String id) {
        ready();
        return views.json(call(() -> reviews.require(id)), Instant.now());
    }

    @GET
    @Path("cards/{id}/reviews")
    @Operation(summary = "A card's review history, oldest first (undone answers included and marked)")
    public List<LogJson> history(@PathParam("id") String id) {
        ready();
        call(() -> reviews.require(id));
        return reviews.history(id).stream().map(LogJson::of).toList();
    }

    @POST
    @Path("cards/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a card", description = "rating: again|hard|good|easy or 1–4. reviewedAt: optional ISO-8601 "
            + "instant (default now), for importing history; it may not be earlier than the card's last review. The answer is "
            + "committed to disk before the response is sent.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "unknown rating, malformed or out-of-order reviewedAt")
    @APIResponse(responseCode = "404", description = "no such card")
    @APIResponse(responseCode = "409", description = "the card was deleted from its file")
    public CardViews.ReviewJson review(@PathParam("id") String id, ReviewRequest request) {
        ready();
        if (request == null || request.rating() == null || request.rating().isNull()) {
            throw ApiException.badRequest("Give a rating: again, hard, good or easy (or 1–4), e.g. {\"rating\": \"good\"}.");
        }
        Rating rating = Rating.parse(request.rating().isNumber() && !request.rating().isIntegralNumber() ? "x" : request.rating().asText())
                .orElseThrow(() -> ApiException.badRequest("Unknown rating " + request.rating()
                        + "; use again, hard, good or easy (or 1–4)."));
        Instant reviewedAt = null;
        if (request.reviewedAt() != null && !request.reviewedAt().isBlank()) {
            try {
                reviewedAt = Instant.parse(request.reviewedAt().strip());
            } catch (DateTimeParseException e) {
                try {
                    reviewedAt = java.time.OffsetDateTime.parse(request.reviewedAt().strip()).toInstant();
                } catch (DateTimeParseException e2) {
                    throw ApiException.badRequest("reviewedAt \"" + request.reviewedAt()
                            + "\" is not an ISO-8601 instant such as 2026-01-31T09:30:00Z.");
                }
            }
        }
        Instant at = reviewedAt;
        Instant now = Instant.now();
        return views.review(call(() -> reviews.answer(id, rating, at, now)), now);
    }

    @GET
    @Path("review/next")
    @Operation(summary = "The next card to study", description = "Learning cards due now, then reviews due today, then new "
            + "cards, within the daily limits. `card` is null when nothing is due; `nextDue` then says when something will be. "
            + "`buttons` carry the interval each answer would give.")
    public NextJson next(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder,
            @QueryParam("note") String note,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "show this card instead of the next "
                    + "one (the review screen uses it to show a card again after undo)") @QueryParam("card") String cardId) {
        ready();
        Instant now = Instant.now();
        ReviewService.Next next = reviews.next(CardFilter.of(deck, tag, folder, note), now);
        if (cardId != null && !cardId.isBlank()) {
            CardEntity card = call(() -> reviews.require(cardId));
            return new NextJson(views.json(card, now), views.study(card), views.buttons(reviews.preview(card, now), now),
                    next.newLeft(), next.learning(), next.reviewLeft(), null);
        }
        if (next.card() == null) {
            return new NextJson(null, null, List.of(), next.newLeft(), next.learning(), next.reviewLeft(), next.nextDue());
        }
        return new NextJson(views.json(next.card(), now), views.study(next.card()), views.buttons(next.preview(), now),
                next.newLeft(), next.learning(), next.reviewLeft(), null);
    }

    @POST
    @Path("review/undo")
    @Operation(summary = "Undo the last answer", description = "Restores the card's schedule from before the most recent answer "
            + "not yet undone; call again to go further back. The answer stays in the log, marked undone.")
    @APIResponse(responseCode = "409", description = "nothing to undo")
    public CardViews.CardJson undo() {
        ready();
        return views.json(call(reviews::undo), Instant.now());
    }

    @POST
    @Path("cards/{id}/bury")
    @Operation(summary = "Hide a card until the next study day")
    public CardViews.CardJson bury(@PathParam("id") String id) {
        ready();
        Instant now = Instant.now();
        return views.json(call(() -> reviews.bury(id, now)), now);
    }

    @POST
    @Path("cards/{id}/suspend")
    @Operation(summary = "Take a card out of study until it is unsuspended")
    public CardViews.CardJson suspend(@PathParam("id") String id) {
        ready();
        return views.json(call(() -> reviews.suspend(id)), Instant.now());
    }

    @POST
    @Path("cards/{id}/unsuspend")
    @Operation(summary = "Put a suspended or buried card back into study")
    public CardViews.CardJson unsuspend(@PathParam("id") String id) {
        ready();
        return views.json(call(() -> reviews.restore(id)), Instant.now());
    }

    @GET
    @Path("stats")
    @Operation(summary = "Study statistics", description = "Review heatmap (a year), due forecast (30 days), true retention, "
            + "counts by state, stability distribution, mastery (average probability of recall) per tag and per note.")
    public StudyStats stats(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        ready();
        return stats.stats(CardFilter.of(deck, tag, folder, null), Instant.now());
    }

    private void ready() {
        gate.awaitForApi();
        catalog.awaitLoaded(java.time.Duration.ofSeconds(30));
    }

    /** Runs a domain call, turning its refusals into HTTP errors. */
    static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ReviewException e) {
            throw switch (e.kind()) {
                case BAD_INPUT -> ApiException.badRequest(e.getMessage());
                case NOT_FOUND -> ApiException.notFound(e.getMessage());
                case CONFLICT -> ApiException.conflict(e.getMessage());
            };
        }
    }
}
