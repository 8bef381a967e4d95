using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Web.Features.Import;

/// <summary>
/// One card per importer the user may use (the others are hidden; their handlers refuse them anyway): what the file
/// holds, its templates and the import dialog. After an import the message links to the list of what was imported.
/// </summary>
public sealed partial class ImportPage
{
    [Inject] private ProductImporter Products { get; set; } = default!;
    [Inject] private PartnerImporter Partners { get; set; } = default!;
    [Inject] private WarehouseImporter Warehouses { get; set; } = default!;
    [Inject] private OpeningStockImporter OpeningStock { get; set; } = default!;
    [Inject] private SellOutImporter SellOut { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>An importer as the page shows it: its text keys, icon and the list its rows appear in.</summary>
    private sealed record Card(IImporter Importer, string Key, string Icon, string ListUrl);

    private List<Card>? _cards;

    protected override async Task OnInitializedAsync()
    {
        Card[] all =
        [
            new(Products, "Products", Icons.Material.Filled.Inventory2, "/catalog/products"),
            new(Partners, "Partners", Icons.Material.Filled.Handshake, "/partners"),
            new(Warehouses, "Warehouses", Icons.Material.Filled.Warehouse, "/stock/warehouses"),
            new(OpeningStock, "OpeningStock", Icons.Material.Filled.Inventory, "/stock"),
            new(SellOut, "SellOut", Icons.Material.Filled.PointOfSale, "/sell-out"),
        ];
        var allowed = new List<Card>();
        foreach (var card in all)
            if (await Permissions.HasAsync(card.Importer.Policy)) allowed.Add(card);
        _cards = allowed;
    }

    private async Task ImportAsync(Card card)
    {
        var dialog = await ImportDialog.ShowAsync(Dialogs, L[card.Key + ".Title"], card.Importer, card.ListUrl, L[card.Key + ".Open"]);
        await dialog.Result;
    }
}
