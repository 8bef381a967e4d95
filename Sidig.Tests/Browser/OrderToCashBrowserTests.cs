using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>
/// The whole order to cash in a real browser (issue 4): a distributor orders in the portal above its credit limit,
/// finance approves with a note, the warehouse ships a delivery note, finance issues the invoice, the distributor
/// downloads the invoice PDF and reports its payment with the transfer slip, finance confirms it and the invoice is paid.
/// </summary>
public sealed class OrderToCashBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Approver = "finance@demo.test", Shipper = FulfilmentBuilders.Warehouse, Finance = FulfilmentBuilders.Finance;
    private const decimal UnitPrice = 12_500_000m, Quantity = 10m, Stock = 100m;

    private readonly OrderBuilders _orders = new(app);
    private Builders Make => _orders.Basic;

    /// <summary>An input (or text area) by its test id, whether the id sits on the input itself or on its wrapper.</summary>
    private static ILocator Input(IPage page, string id) =>
        page.Locator($"input[data-testid='{id}'], textarea[data-testid='{id}'], [data-testid='{id}'] input, [data-testid='{id}'] textarea").First;

    private static ILocator OpenPopoverItem(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = text }).First;

    private static ILocator DialogButton(IPage page, string text) =>
        page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = text }).Last;

    /// <summary>A popover (autocomplete or select list) has closed: nothing typed next can land in it.</summary>
    private static Task ExpectPopoversClosedAsync(IPage page) => Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

    /// <summary>Fills a field, leaves it (the form takes the value on change) and checks the field kept what was typed.</summary>
    private static async Task FillAndLeaveAsync(IPage page, string id, string value, string? shown = null)
    {
        var input = Input(page, id);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(shown ?? value);
    }

    /// <summary>
    /// Types a search and leaves the box, so the list reloads now (not on the blur of the next click, which would re-render
    /// the list under that click and lose it); the caller then waits until a row the search excludes is gone.
    /// </summary>
    private static async Task SearchAsync(IPage page, string id, string text)
    {
        var input = Input(page, id);
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(text);
    }

    private static async Task GotoAsync(IPage page, BrowserApp app, string path)
    {
        await page.GotoAsync(app.Url("demo", path));
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// Clicks a link that opens a new tab and returns the file its answer (an attachment) downloads. Chromium reports such a
    /// download on the page that opened the tab (Playwright may report it on the new tab instead): both are listened to,
    /// from before the click, so the download cannot be missed.
    /// </summary>
    private static async Task<byte[]> DownloadFromNewTabAsync(IPage page, ILocator link)
    {
        var download = new TaskCompletionSource<IDownload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDownload(object? _, IDownload d) => download.TrySetResult(d);
        void OnPage(object? _, IPage tab) => tab.Download += OnDownload;
        page.Download += OnDownload;
        page.Context.Page += OnPage;
        try
        {
            await link.ClickAsync();
            var file = await download.Task.WaitAsync(TimeSpan.FromSeconds(30));
            (await file.FailureAsync()).ShouldBeNull();
            file.SuggestedFilename.ShouldEndWith(".pdf");
            await using var stream = await file.CreateReadStreamAsync();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        finally
        {
            page.Download -= OnDownload;
            page.Context.Page -= OnPage;
        }
    }

    private static string Idr(decimal amount) => Sidig.Domain.Common.Idr.Format(amount);

    [Fact]
    public async Task A_distributor_orders_in_the_portal_and_the_order_goes_through_approval_shipping_invoicing_and_payment()
    {
        // A distributor (credit limit Rp 100.000.000) with its own warehouse and price list; a principal warehouse with stock.
        var partner = await Make.Partner(code: Builders.Unique("DIST"));
        var partnerWarehouse = await Make.Warehouse(partner.Id);
        var warehouse = await Make.Warehouse(code: Builders.Unique("GDP"));
        var product = await Make.Product();
        (await Make.Receive(warehouse.Id, product.Id, Stock)).Errors.ShouldBeEmpty();
        await _orders.PartnerPriceList(partner.Id, (product.Id, 1m, UnitPrice));
        var distributor = await PartnerUsers.CreateAsync(app, partner.Id);
        var orderTotal = UnitPrice * Quantity; // Rp 125.000.000 > the credit limit: the order needs approval
        partner.CreditLimit.ShouldBeLessThan(orderTotal);

        // Another partner's rows in each list the test searches (an order waiting for approval, an order to ship, a payment
        // to confirm): once they are gone from the list, the search has been applied and the list will not re-render under a click.
        var other = await _orders.Setup(productCount: 1, unitPrice: UnitPrice);
        var otherWaiting = await _orders.Place("sales@demo.test", other, submit: true, (other.Products[0], Quantity));
        otherWaiting.Value.ShouldNotBeNull().Status.ShouldBe(OrderStatus.AwaitingApproval);
        var otherToShip = await _orders.ApprovedOrder(other.Partner.Id, other.Warehouse.Id, (other.Products[0], 1m, 100_000m));
        var otherInvoice = await _orders.InvoiceFor(otherToShip, await _orders.Today());
        var otherUser = await PartnerUsers.CreateAsync(app, other.Partner.Id);
        (await new FulfilmentBuilders(app).Report(otherInvoice.Id, 50_000m, otherUser)).Errors.ShouldBeEmpty();

        Guid orderId = default, invoiceId = default;
        string orderNumber = "", noteNumber = "", invoiceNumber = "";
        decimal invoiceTotal = 0;

        // 1. The distributor orders in the portal against its price list and submits: it waits for approval, with the reason.
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", distributor);
            await GotoAsync(page, app, "/orders/new");
            await Expect(Input(page, "order-partner-fixed")).ToHaveValueAsync(new Regex(Regex.Escape(partner.Code)));

            // The product first: the list opens on a click (a search for everything), then the SKU is typed at once; the
            // filtered list (only this product) shows the text has reached the server before the item is chosen.
            var productInput = Input(page, "line-product-0");
            await productInput.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
            await productInput.FillAsync(product.Sku);
            await Expect(productInput).ToHaveValueAsync(product.Sku);
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
            await Expect(OpenPopoverItem(page, product.Sku)).ToContainTextAsync(Idr(UnitPrice)); // the partner's own price
            await OpenPopoverItem(page, product.Sku).ClickAsync();
            await ExpectPopoversClosedAsync(page);
            await Expect(productInput).ToHaveValueAsync(new Regex($"^{Regex.Escape(product.Sku)} · "));
            await Expect(page.TestId("line-info-0")).ToContainTextAsync(Idr(UnitPrice));

            // Then the principal warehouse it ships from: the line shows that warehouse's stock once the server has it.
            await Input(page, "order-warehouse").ClickAsync();
            await OpenPopoverItem(page, warehouse.Code).ClickAsync();
            await ExpectPopoversClosedAsync(page);
            await Expect(Input(page, "order-warehouse")).ToHaveValueAsync(new Regex(Regex.Escape(warehouse.Code)));
            await Expect(page.TestId("line-info-0")).ToContainTextAsync($"tersedia {Stock:0} {product.Unit}");

            await FillAndLeaveAsync(page, "line-quantity-0", Quantity.ToString(CultureInfo.InvariantCulture));
            await Expect(page.TestId("line-net-0")).ToHaveTextAsync(Idr(orderTotal));
            await Expect(page.TestId("order-total")).ToContainTextAsync(Idr(orderTotal));

            await page.TestId("order-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/orders/")) + "[0-9a-f-]{36}$"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("order-status")).ToHaveTextAsync("Menunggu persetujuan");
            await Expect(page.TestId("order-reasons")).ToContainTextAsync("Menunggu persetujuan karena:");
            var reason = page.TestId("order-reason");
            await Expect(reason).ToHaveCountAsync(1);
            await Expect(reason).ToContainTextAsync("Limit kredit");
            await Expect(reason).ToContainTextAsync($"melebihi limit kredit {Idr(partner.CreditLimit)}");
            orderId = Guid.Parse(page.Url[^36..]);
            orderNumber = (await page.TestId("order-title").InnerTextAsync()).Trim();
        });
        orderNumber.ShouldStartWith("SO/");
        var placed = await _orders.Load(orderId);
        placed.Status.ShouldBe(OrderStatus.AwaitingApproval);
        placed.Source.ShouldBe(OrderSource.Portal);
        placed.Lines.ShouldHaveSingleItem().UnitPrice.ShouldBe(UnitPrice);

        // 2. Finance (ApproveOrders) approves it in the approvals queue with a note.
        const string approvalNote = "Disetujui: pembayaran mitra selama ini lancar";
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", Approver);
            await GotoAsync(page, app, "/orders/approvals");
            var rows = page.TestId("approvals-grid").Locator("tr").Filter(new LocatorFilterOptions { Has = page.TestId("approval-number") });
            var otherRow = rows.Filter(new LocatorFilterOptions { HasText = otherWaiting.Value.Number });
            await Expect(otherRow).ToHaveCountAsync(1); // the whole queue
            await SearchAsync(page, "approvals-search", orderNumber);
            await Expect(otherRow).ToHaveCountAsync(0); // the search has been applied
            await Expect(rows).ToHaveCountAsync(1);
            var row = rows.Filter(new LocatorFilterOptions { HasText = orderNumber });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator("[data-testid='approval-reason']")).ToContainTextAsync("Limit kredit");
            await row.Locator("[data-testid='approval-approve']").ClickAsync();
            await Expect(Input(page, "reason-text")).ToBeVisibleAsync();
            await Input(page, "reason-text").FillAsync(approvalNote);
            await page.TestId("reason-confirm").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Expect(page.TestId("approvals-empty")).ToBeVisibleAsync(); // the search finds nothing left to decide

            await GotoAsync(page, app, $"/orders/{orderId}");
            await Expect(page.TestId("order-status")).ToHaveTextAsync("Disetujui");
            await Expect(page.TestId("order-history")).ToContainTextAsync(approvalNote);
        });

        // 3. The warehouse picks the order, writes the surat jalan (carrier, vehicle, driver) and ships it.
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", Shipper);
            await GotoAsync(page, app, "/delivery-notes/new");
            var picks = page.TestId("shippable-orders").Locator(".mud-list-item");
            var otherPick = picks.Filter(new LocatorFilterOptions { HasText = otherToShip.Number });
            await Expect(otherPick).ToHaveCountAsync(1); // every order with something to ship
            await SearchAsync(page, "shippable-search", orderNumber);
            await Expect(otherPick).ToHaveCountAsync(0); // the search has been applied
            await Expect(picks).ToHaveCountAsync(1);
            var pick = picks.Filter(new LocatorFilterOptions { HasText = orderNumber });
            await Expect(pick).ToHaveCountAsync(1);
            await pick.ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("demo", $"/delivery-notes/new?order={orderId}"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("new-delivery-order")).ToContainTextAsync(orderNumber);
            await Expect(page.TestId("new-delivery-route")).ToContainTextAsync(warehouse.Code);
            await Expect(page.TestId("new-delivery-route")).ToContainTextAsync(partnerWarehouse.Code);
            await Expect(Input(page, "delivery-qty-0")).ToHaveValueAsync("10"); // everything open is proposed

            await FillAndLeaveAsync(page, "delivery-company", "JNE Cargo");
            await FillAndLeaveAsync(page, "delivery-vehicle", "B 1234 XYZ");
            await FillAndLeaveAsync(page, "delivery-driver", "Pak Joko");
            await page.TestId("delivery-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/delivery-notes/")) + "[0-9a-f-]{36}$"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("delivery-status")).ToHaveTextAsync("Draf");
            await Expect(page.TestId("delivery-order")).ToContainTextAsync(orderNumber);
            await Expect(page.TestId("delivery-vehicle")).ToHaveTextAsync("B 1234 XYZ");
            await Expect(page.TestId("delivery-line-qty")).ToHaveTextAsync("10");
            noteNumber = Regex.Replace((await page.TestId("delivery-title").InnerTextAsync()).Trim(), "^Surat jalan ", "");

            await page.TestId("delivery-ship").ClickAsync();
            await DialogButton(page, "Kirim").ClickAsync();
            await Expect(page.TestId("delivery-status")).ToHaveTextAsync("Dikirim");
            await Expect(page.TestId("delivery-ship")).ToHaveCountAsync(0);

            await GotoAsync(page, app, $"/orders/{orderId}");
            await Expect(page.TestId("order-status")).ToHaveTextAsync("Terkirim");
        });
        noteNumber.ShouldNotBeNullOrWhiteSpace();
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(Stock - Quantity);

        // 4. Finance issues the invoice from the shipped delivery note and sees its number.
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", Finance);
            await GotoAsync(page, app, "/invoices/new");
            await Expect(page.TestId("new-invoice-basis")).ToContainTextAsync("surat jalan");
            var checkbox = page.TestId($"new-invoice-note-{noteNumber}"); // the id sits on the check box's input
            // Its label: note, order, date, the note's status (as the delivery pages call it) and quantity.
            await Expect(checkbox).ToHaveAccessibleNameAsync(new Regex($"^{Regex.Escape(noteNumber)} · {Regex.Escape(orderNumber)} · .* · Dikirim · 10$"));
            await checkbox.CheckAsync();
            await Expect(checkbox).ToBeCheckedAsync();
            var issue = page.TestId("new-invoice-partner").Filter(new LocatorFilterOptions { Has = checkbox }).Locator("[data-testid='new-invoice-issue']");
            await Expect(issue).ToBeEnabledAsync();
            await issue.ClickAsync();
            await DialogButton(page, "Terbitkan faktur").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/invoices/")) + "[0-9a-f-]{36}$"));
            await page.WaitForCircuitAsync();
            invoiceId = Guid.Parse(page.Url[^36..]);
            var issued = await Make.Query(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));
            (invoiceNumber, invoiceTotal) = (issued.Number, issued.Total);
            await Expect(page.TestId("invoice-title")).ToHaveTextAsync($"Faktur {invoiceNumber}");
            await Expect(page.TestId("invoice-status")).ToHaveTextAsync("Belum dibayar");
            await Expect(page.TestId("invoice-party")).ToHaveTextAsync(partner.LegalName);
            await Expect(page.TestId("invoice-subtotal")).ToHaveTextAsync(Idr(orderTotal));
            await Expect(page.TestId("invoice-total")).ToHaveTextAsync(Idr(invoiceTotal));
            await Expect(page.TestId("invoice-outstanding")).ToHaveTextAsync(Idr(invoiceTotal));
        });
        invoiceNumber.ShouldStartWith("INV/");
        invoiceTotal.ShouldBeGreaterThan(orderTotal); // PPN on top

        // 5. The distributor opens its invoice, downloads the PDF and reports its payment with the transfer slip.
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", distributor);
            await GotoAsync(page, app, "/invoices");
            var link = page.TestId("invoice-number").Filter(new LocatorFilterOptions { HasText = invoiceNumber });
            await Expect(link).ToHaveCountAsync(1);
            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("demo", $"/invoices/{invoiceId}"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("invoice-title")).ToHaveTextAsync($"Faktur {invoiceNumber}");
            await Expect(page.TestId("invoice-status")).ToHaveTextAsync("Belum dibayar");

            // The PDF button (a new tab answered with an attachment): the downloaded file is the invoice.
            var pdf = await DownloadFromNewTabAsync(page, page.TestId("download-pdf"));
            var text = string.Join(' ', PdfFiles.PageTexts(pdf));
            text.ShouldContain(invoiceNumber);
            text.ShouldContain(partner.LegalName);

            await page.TestId("invoice-report-payment").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
            await Expect(page.TestId("payment-outstanding")).ToHaveTextAsync($"Sisa tagihan: {Idr(invoiceTotal)}");
            await Expect(Input(page, "payment-amount")).ToHaveValueAsync(invoiceTotal.ToString("0", CultureInfo.InvariantCulture)); // the whole amount proposed
            await FillAndLeaveAsync(page, "payment-reference", "TRF-BCA-778899");
            await page.Locator(".mud-dialog input[type='file']").SetInputFilesAsync(new FilePayload
            {
                Name = "bukti-transfer.png", MimeType = "image/png", Buffer = TestImages.Png,
            });
            await Expect(page.TestId("payment-proof-choose")).ToHaveTextAsync("bukti-transfer.png");
            await page.TestId("payment-submit").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

            await Expect(page.TestId("payment-status")).ToHaveTextAsync("Menunggu konfirmasi");
            await Expect(page.TestId("payment-proof-link")).ToHaveTextAsync("bukti-transfer.png");
            await Expect(page.TestId("invoice-status")).ToHaveTextAsync("Belum dibayar"); // a report does not count until finance confirms it
            await Expect(page.TestId("invoice-report-payment")).ToBeDisabledAsync(); // nothing left to report
        });
        var reported = await Make.Query(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoiceId));
        reported.Status.ShouldBe(PaymentStatus.Pending);
        reported.Proof.ShouldBe(TestImages.Png);

        // 6. Finance confirms the payment; the invoice is paid.
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", Finance);
            await GotoAsync(page, app, "/payments");
            var rows = page.TestId("payments-grid").Locator("tr").Filter(new LocatorFilterOptions { Has = page.TestId("payment-confirm") });
            var otherRow = rows.Filter(new LocatorFilterOptions { HasText = otherInvoice.Number });
            await Expect(otherRow).ToHaveCountAsync(1); // every payment waiting for confirmation
            await SearchAsync(page, "payments-search", invoiceNumber);
            await Expect(otherRow).ToHaveCountAsync(0); // the search has been applied
            await Expect(rows).ToHaveCountAsync(1);
            var row = rows.Filter(new LocatorFilterOptions { HasText = invoiceNumber });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(Idr(invoiceTotal));
            await Expect(row).ToContainTextAsync("Menunggu konfirmasi");
            await row.Locator("[data-testid='payment-confirm']").ClickAsync();
            await DialogButton(page, "Konfirmasi").ClickAsync();
            await Expect(page.TestId("payments-empty")).ToBeVisibleAsync(); // nothing of this invoice waits any more

            await GotoAsync(page, app, $"/invoices/{invoiceId}");
            await Expect(page.TestId("invoice-status")).ToHaveTextAsync("Lunas");
            await Expect(page.TestId("invoice-paid")).ToHaveTextAsync(Idr(invoiceTotal));
            await Expect(page.TestId("invoice-outstanding")).ToHaveTextAsync(Idr(0));
            await Expect(page.TestId("payment-status")).ToHaveTextAsync("Dikonfirmasi");

            await GotoAsync(page, app, $"/orders/{orderId}");
            await Expect(page.TestId("order-status")).ToHaveTextAsync("Lunas");
        });

        // The database agrees: order paid, invoice paid, payment confirmed, stock moved out of the principal warehouse.
        var order = await _orders.Load(orderId);
        order.Status.ShouldBe(OrderStatus.Paid);
        order.Lines.Single().ShippedQuantity.ShouldBe(Quantity);
        order.Lines.Single().InvoicedQuantity.ShouldBe(Quantity);
        order.Approvals.ShouldHaveSingleItem().Reason.ShouldBe(ApprovalReason.CreditLimit);
        order.Approvals.Single().Decision.ShouldBe(ApprovalDecision.Approved);
        order.Approvals.Single().Note.ShouldBe(approvalNote);

        var invoice = await Make.Query(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.PaidAmount.ShouldBe(invoiceTotal);
        invoice.PartnerId.ShouldBe(partner.Id);

        var payment = await Make.Query(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoiceId));
        payment.Status.ShouldBe(PaymentStatus.Confirmed);
        payment.Amount.ShouldBe(invoiceTotal);
        payment.DecidedBy.ShouldBe(Finance);
        payment.RecordedBy.ShouldBe(distributor);

        var note = await Make.Query(db => db.DeliveryNotes.AsNoTracking().SingleAsync(n => n.OrderId == orderId));
        note.Status.ShouldBe(DeliveryNoteStatus.Shipped);
        note.InvoiceId.ShouldBe(invoiceId);
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(Stock - Quantity);
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(Stock - Quantity);
        (await Make.OnHand(partnerWarehouse.Id, product.Id)).ShouldBe(Quantity);
        var outgoing = await Make.Query(db => db.StockMovements.AsNoTracking()
            .Where(m => m.WarehouseId == warehouse.Id && m.ProductId == product.Id && m.DocumentType == StockLedger.DocumentDeliveryNote).ToListAsync());
        outgoing.ShouldHaveSingleItem().Quantity.ShouldBe(-Quantity);
        outgoing.Single().DocumentNumber.ShouldBe(noteNumber);
    }
}
