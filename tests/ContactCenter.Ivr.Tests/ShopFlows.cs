using ContactCenter.Ivr.Primitives.BotAnswer;
using ContactCenter.Ivr.Primitives.BusinessHours;
using ContactCenter.Ivr.Primitives.Collect;
using ContactCenter.Ivr.Primitives.Enqueue;
using ContactCenter.Ivr.Primitives.Lookup;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Primitives.OfferCallback;
using ContactCenter.Ivr.Primitives.Record;
using ContactCenter.Ivr.Services;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Ivr.Tests;

/// <summary>The flow most tests drive, defined once in code and once in JSON; the two must behave identically.</summary>
internal static class ShopFlows
{
    /// <summary>Monday 2026-11-23 10:00 in Berlin (09:00 UTC): the shop is open.</summary>
    public static readonly DateTimeOffset OpenMonday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public const string Json = """
    {
      "name": "main",
      "channels": ["voice", "webchat", "sms"],
      "nodes": [
        { "id": "hours", "type": "businessHours", "timeZone": "Europe/Berlin",
          "weekly": [ { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "open": "09:00", "close": "18:00" } ],
          "holidays": [ { "date": "2026-12-25", "name": "Christmas" } ],
          "overrides": [ { "date": "2026-12-24", "open": "09:00", "close": "12:00" } ],
          "closed": "closed", "holiday": "holiday" },
        { "id": "welcome", "type": "say", "text": "Welcome to Example Shop." },
        { "id": "menu", "type": "menu", "prompt": "Main menu.", "timeout": 5, "maxRetries": 2, "variable": "menu.choice",
          "choices": [
            { "key": "1", "label": "Order status", "target": "order", "synonyms": ["order", "status"] },
            { "key": "2", "label": "Sales", "target": "sales" },
            { "key": "3", "label": "Questions", "target": "bot" }
          ],
          "default": "noInput" },
        { "id": "order", "type": "collectDigits", "prompt": "Please enter your order number.", "variable": "orderId",
          "minLength": 4, "maxLength": 8, "timeout": "5s", "default": "noInput" },
        { "id": "lookup", "type": "lookup", "lookup": "orderStatus", "arguments": { "orderId": "{orderId}" },
          "resultPrefix": "order", "timeout": "3s", "onError": "lookupError", "onNotFound": "notFound" },
        { "id": "status", "type": "say", "text": "Order {orderId} is {order.status}.", "next": "goodbye" },
        { "id": "notFound", "type": "say", "text": "We could not find order {orderId}.", "next": "goodbye" },
        { "id": "lookupError", "type": "say", "text": "Our order system is not answering right now.", "next": "goodbye" },
        { "id": "sales", "type": "enqueue", "queue": "sales", "skills": ["sales"], "messageInterval": "30s", "holdMessageDelay": "0s",
          "leaveChoices": [
            { "key": "8", "label": "a call back", "target": "callback", "synonyms": ["callback"] },
            { "key": "9", "label": "voicemail", "target": "voicemail" }
          ],
          "next": "queueClosed" },
        { "id": "queueClosed", "type": "say", "text": "Sales is not available.", "next": "goodbye" },
        { "id": "callback", "type": "offerCallback", "queue": "sales", "declined": "goodbye" },
        { "id": "voicemail", "type": "record", "queue": "sales", "maxLength": "1m", "next": "goodbye" },
        { "id": "bot", "type": "botAnswer", "greeting": "Ask me anything.", "handoff": "sales", "next": "goodbye",
          "rules": [
            { "keywords": ["delivery", "shipping"], "answer": "Delivery takes 2-3 days." },
            { "keywords": ["return", "refund"], "answer": "You can return items within 30 days." },
            { "pattern": "\\b(open|hours)\\b", "answer": "We are open Monday to Friday, 9 to 18." },
            { "intent": "order-status", "answer": "Let me check your order.", "target": "order" }
          ] },
        { "id": "closed", "type": "end", "message": "We are closed. Our hours are Monday to Friday, 9 to 18." },
        { "id": "holiday", "type": "end", "message": "We are closed for the holiday." },
        { "id": "noInput", "type": "end", "message": "Sorry, we could not understand you. Goodbye." },
        { "id": "goodbye", "type": "end", "message": "Thank you for contacting Example Shop." }
      ]
    }
    """;

    public static void Code(FlowBuilder f) => f
        .BusinessHours("hours", new BusinessHoursOptions
        {
            TimeZone = "Europe/Berlin",
            Weekly = { new WeeklyHours { Days = { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, Open = "09:00", Close = "18:00" } },
            Holidays = { new Holiday { Date = new DateOnly(2026, 12, 25), Name = "Christmas" } },
            Overrides = { new HoursOverride { Date = new DateOnly(2026, 12, 24), Open = "09:00", Close = "12:00" } },
            Closed = "closed",
            Holiday = "holiday",
        })
        .Say("welcome", "Welcome to Example Shop.")
        .Menu("menu", new MenuOptions
        {
            Prompt = "Main menu.",
            Timeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            Variable = "menu.choice",
            Choices =
            {
                new MenuChoice("1", "Order status", "order") { Synonyms = { "order", "status" } },
                new MenuChoice("2", "Sales", "sales"),
                new MenuChoice("3", "Questions", "bot"),
            },
            Default = "noInput",
        })
        .CollectDigits("order", new CollectDigitsOptions
        {
            Prompt = "Please enter your order number.",
            Variable = "orderId",
            MinLength = 4,
            MaxLength = 8,
            Timeout = TimeSpan.FromSeconds(5),
            Default = "noInput",
        })
        .Lookup("lookup", new LookupOptions
        {
            Lookup = "orderStatus",
            Arguments = { ["orderId"] = "{orderId}" },
            ResultPrefix = "order",
            Timeout = TimeSpan.FromSeconds(3),
            OnError = "lookupError",
            OnNotFound = "notFound",
        })
        .Say("status", "Order {orderId} is {order.status}.", next: "goodbye")
        .Say("notFound", "We could not find order {orderId}.", next: "goodbye")
        .Say("lookupError", "Our order system is not answering right now.", next: "goodbye")
        .Enqueue("sales", new EnqueueOptions
        {
            Queue = "sales",
            Skills = { "sales" },
            MessageInterval = TimeSpan.FromSeconds(30),

            // These tests are about the announcements themselves: no grace period before the first one.
            HoldMessageDelay = TimeSpan.Zero,
            LeaveChoices =
            {
                new MenuChoice("8", "a call back", "callback") { Synonyms = { "callback" } },
                new MenuChoice("9", "voicemail", "voicemail"),
            },
            Next = "queueClosed",
        })
        .Say("queueClosed", "Sales is not available.", next: "goodbye")
        .OfferCallback("callback", new OfferCallbackOptions { Queue = "sales", Declined = "goodbye" })
        .Record("voicemail", new RecordOptions { Queue = "sales", MaxLength = TimeSpan.FromMinutes(1), Next = "goodbye" })
        .BotAnswer("bot", new BotAnswerOptions
        {
            Greeting = "Ask me anything.",
            Handoff = "sales",
            Next = "goodbye",
            Rules =
            {
                new BotRule { Keywords = { "delivery", "shipping" }, Answer = "Delivery takes 2-3 days." },
                new BotRule { Keywords = { "return", "refund" }, Answer = "You can return items within 30 days." },
                new BotRule { Pattern = @"\b(open|hours)\b", Answer = "We are open Monday to Friday, 9 to 18." },
                new BotRule { Intent = "order-status", Answer = "Let me check your order.", Target = "order" },
            },
        })
        .End("closed", "We are closed. Our hours are Monday to Friday, 9 to 18.")
        .End("holiday", "We are closed for the holiday.")
        .End("noInput", "Sorry, we could not understand you. Goodbye.")
        .End("goodbye", "Thank you for contacting Example Shop.");

    /// <summary>The order system: 1234 shipped, 9999 unknown, 5555 too slow (honours its token), 7777 never answers
    /// (ignores its token), 6666 fails.</summary>
    public static FlowCatalog Catalog(bool fromJson, FakeTimeProvider time)
    {
        var catalog = new FlowCatalog();
        if (fromJson)
        {
            catalog.AddJson(Json, "shop.json");
        }
        else
        {
            catalog.Add("main", Code).BindChannel("voice", "main").BindChannel("webchat", "main").BindChannel("sms", "main");
        }

        return catalog.AddLookup("orderStatus", async (request, ct) =>
        {
            switch (request.Arguments["orderId"])
            {
                case "1234":
                    return LookupResult.Success(new Dictionary<string, string> { ["status"] = "shipped" });
                case "5555":
                    time.Advance(TimeSpan.FromSeconds(10)); // the order system takes 10 s: past the 3 s time-out
                    await Task.Delay(Timeout.Infinite, ct);
                    return LookupResult.NotFound;
                case "7777":
                    return await new TaskCompletionSource<LookupResult>().Task;
                case "6666":
                    throw new InvalidOperationException("order system down");
                default:
                    return LookupResult.NotFound;
            }
        });
    }
}
