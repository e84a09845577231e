using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>Generators about commerce, money, text, time, random values and systems.</summary>
internal static partial class GeneratorCatalog
{
    private static IEnumerable<GeneratorSpec> Things() =>
    [
        Text("commerce.productName", f => f.Commerce.ProductName()),
        Text("commerce.product", f => f.Commerce.Product()),
        Text("commerce.productAdjective", f => f.Commerce.ProductAdjective()),
        Text("commerce.productMaterial", f => f.Commerce.ProductMaterial()),
        Text("commerce.productDescription", f => f.Commerce.ProductDescription(), pooled: true),
        Text("commerce.department", f => f.Commerce.Department()),
        Text("commerce.color", f => f.Commerce.Color()),
        Text("commerce.ean8", f => f.Commerce.Ean8()),
        Text("commerce.ean13", f => f.Commerce.Ean13()),
        With("commerce.price", FieldKind.Number, [Dec("min", 1), Dec("max", 1000), Int("decimals", 2)],
            a => f => f.Commerce.Price(a.Decimal(0), a.Decimal(1), a.Int(2))),

        With("finance.amount", FieldKind.Number, [Dec("min", 0), Dec("max", 1000), Int("decimals", 2)],
            a => f => Number(f.Finance.Amount(a.Decimal(0), a.Decimal(1), a.Int(2)))),
        Text("finance.currencyCode", f => f.Finance.Currency().Code),
        Text("finance.currencyName", f => f.Finance.Currency().Description),
        Text("finance.accountName", f => f.Finance.AccountName()),
        With("finance.account", FieldKind.String, [Int("length", 8)], a => f => f.Finance.Account(a.Int(0))),
        Text("finance.iban", f => f.Finance.Iban()),
        Text("finance.bic", f => f.Finance.Bic()),
        Text("finance.creditCardNumber", f => f.Finance.CreditCardNumber()),
        Text("finance.transactionType", f => f.Finance.TransactionType()),

        Text("lorem.word", f => f.Lorem.Word()),
        With("lorem.words", FieldKind.String, [Int("count", 3)], a => f => string.Join(' ', f.Lorem.Words(a.Int(0)))),
        With("lorem.sentence", FieldKind.String, [Int("words", 6)], a => f => f.Lorem.Sentence(a.Int(0))),
        With("lorem.sentences", FieldKind.String, [Int("count", 3)], a => f => f.Lorem.Sentences(a.Int(0), " ")),
        With("lorem.paragraph", FieldKind.String, [Int("sentences", 3)], a => f => f.Lorem.Paragraph(a.Int(0))),
        With("lorem.slug", FieldKind.String, [Int("words", 3)], a => f => f.Lorem.Slug(a.Int(0))),
        With("lorem.letters", FieldKind.String, [Int("count", 1)], a => f => f.Lorem.Letter(a.Int(0))),

        With("date.past", FieldKind.Date, [Int("years", 1)], a => f => Time(f.Date.Past(a.Int(0), Fakers.Reference))),
        With("date.future", FieldKind.Date, [Int("years", 1)], a => f => Time(f.Date.Future(a.Int(0), Fakers.Reference))),
        With("date.recent", FieldKind.Date, [Int("days", 1)], a => f => Time(f.Date.Recent(a.Int(0), Fakers.Reference))),
        With("date.soon", FieldKind.Date, [Int("days", 1)], a => f => Time(f.Date.Soon(a.Int(0), Fakers.Reference))),
        Text("date.weekday", f => f.Date.Weekday()),
        Text("date.month", f => f.Date.Month()),
        Text("date.timeZone", f => f.Date.TimeZoneString()),

        With("random.int", FieldKind.Number, [Int("min", 0), Int("max", 100)], a => f => Number(f.Random.Int(a.Int(0), a.Int(1)))),
        With("random.double", FieldKind.Number, [Dec("min", 0), Dec("max", 1)],
            a => f => Number(f.Random.Double((double)a.Decimal(0), (double)a.Decimal(1)))),
        With("random.decimal", FieldKind.Number, [Dec("min", 0), Dec("max", 1), Int("decimals", 2)],
            a => f => Number(Math.Round(f.Random.Decimal(a.Decimal(0), a.Decimal(1)), a.Int(2)))),
        With("random.bool", FieldKind.Bool, [], _ => f => f.Random.Bool() ? "true" : "false"),
        Text("random.uuid", f => f.Random.Uuid().ToString("D")),
        With("random.alphaNumeric", FieldKind.String, [Int("length", 8)], a => f => f.Random.AlphaNumeric(a.Int(0))),
        With("random.hexadecimal", FieldKind.String, [Int("length", 8)], a => f => f.Random.Hexadecimal(a.Int(0), prefix: string.Empty)),
        With("random.replace", FieldKind.String, [new GeneratorParameter("format", ArgumentType.Text)], a => f => f.Random.Replace(a.Text(0))),
        Text("random.word", f => f.Random.Word()),

        Text("system.fileName", f => f.System.FileName()),
        Text("system.fileExt", f => f.System.FileExt()),
        Text("system.mimeType", f => f.System.MimeType()),
        Text("system.semver", f => f.System.Semver()),
        Text("system.filePath", f => f.System.FilePath()),

        Text("vehicle.vin", f => f.Vehicle.Vin()),
        Text("vehicle.manufacturer", f => f.Vehicle.Manufacturer()),
        Text("vehicle.model", f => f.Vehicle.Model()),
        Text("music.genre", f => f.Music.Genre()),
        Text("hacker.phrase", f => f.Hacker.Phrase(), pooled: true),
    ];
}
