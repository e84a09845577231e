using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Errors in data sets, with the positions editors jump to; columns counted by hand.
public class DataErrorTests
{
    private const string Tables = "name: t\ntables:\n  orders: { name: Orders, key: { pk: S, sk: S } }\n";
    private const string Scenario = "scenarios:\n  - { name: s, table: orders, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }\n";

    [Fact]
    public void Unknown_model_suggests_the_closest_and_mentions_custom_fields()
    {
        var error = SingleError(Tables + "data:\n  orders: { model: ordr, items: 10 }\n" + Scenario);

        AssertError(error, 5, 20, "model: expected one of customer, order, product, session-event, iot-reading, or fields of your own", "Did you mean 'order'?");
    }

    [Fact]
    public void Unknown_locale_is_refused_with_a_suggestion()
    {
        var error = SingleError(Tables + "data:\n  orders: { model: order, items: 10, locale: en_UK }\n" + Scenario);

        AssertError(error, 5, 46, "locale: expected one of af_ZA", "found 'en_UK'", "Did you mean 'en_US'?");
    }

    [Fact]
    public void Unknown_template_field_lists_the_model_fields_and_suggests_one()
    {
        var error = SingleError(Tables + "data:\n  orders: { model: order, items: 10, pk: \"CUSTOMER#{custmerId}\" }\n" + Scenario);

        AssertError(error, 5, 42, "pk: unknown field 'custmerId' in template 'CUSTOMER#{custmerId}'; order fields: orderId, customerId, status, createdAt", "Did you mean 'customerId'?");
    }

    [Fact]
    public void Template_errors_in_sk_and_templates_are_all_reported()
    {
        var errors = Errors(Tables + """
            data:
              orders:
                model: order
                items: 10
                sk: "{createdAt:D8}"
                templates: { gsi1pk: "{statsu}", status: "{orderId}" }
            """ + "\n" + Scenario);

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 8, 9, "sk: template '{createdAt:D8}': 'createdAt:D8' does not show the date");
        AssertError(errors[1], 9, 26, "templates.gsi1pk: unknown field 'statsu'", "Did you mean 'status'?");
        AssertError(errors[2], 9, 38, "templates.status: 'status' is already a field of model order");
    }

    [Fact]
    public void Unknown_generator_in_a_custom_model_suggests_the_closest()
    {
        var errors = Errors(Tables + """
            data:
              orders:
                items: 10
                model:
                  fields:
                    amount: "finance.amout(1,500)"
                    where: { city: adress.city }
                    count: "list(random.int(1,5))"
            """ + "\n" + Scenario);

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 9, 17, "model.fields.amount: 'finance.amout(1,500)': unknown generator 'finance.amout'; finance has: account", "Did you mean 'finance.amount'?");
        AssertError(errors[1], 10, 24, "model.fields.where.city: 'adress.city': unknown generator 'adress.city'; datasets: name, internet", "Did you mean 'address.city'?");
        AssertError(errors[2], 11, 16, "model.fields.count: 'list(random.int(1,5))': list takes an element expression and a count");
    }

    [Fact]
    public void A_text_template_for_a_numeric_key_and_a_sort_key_template_without_sort_key_are_refused()
    {
        var errors = Errors("""
            name: t
            tables:
              orders: { name: Orders, key: { id: N } }
            data:
              orders: { model: order, items: 10, pk: "O#{orderId}", sk: "{orderId}" }
            """ + "\n" + Scenario);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 5, 42, "pk: 'id' is a number (N), but 'O#{orderId}' does not always make a number");
        AssertError(errors[1], 5, 61, "sk: table 'orders' has no sort key");
    }

    [Fact]
    public void Keys_that_give_two_items_the_same_key_are_refused_with_both_items()
    {
        var error = SingleError(Tables + "data:\n  orders: { model: order, items: 1000, sk: \"{status}\" }\n" + Scenario);

        AssertError(error, 5, 44, "data for table 'orders': items 0 and", "get the same key (pk = CUSTOMER#0000000000, sk = ", "so seeding would overwrite one with the other");
    }

    [Fact]
    public void Size_errors_name_the_limit()
    {
        var errors = Errors(Tables + """
            data:
              orders:
                model: order
                items: 10
                size: { min: 4KB, max: 1KB, distribution: gaussian }
            """ + "\n" + Scenario);
        var tooBig = SingleError(Tables + "data:\n  orders: { model: order, items: 10, size: 401KB }\n" + Scenario);
        var clash = SingleError(Tables + "data:\n  orders: { model: order, items: 10, size: { target: 1KB, attribute: status } }\n" + Scenario);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 8, 28, "size.max: 1,024 bytes is less than min (4,096 bytes)");
        AssertError(errors[1], 8, 47, "size.distribution: expected one of uniform, normal, found 'gaussian'");
        AssertError(tooBig, 5, 44, "size: must be from 1 byte to 400KB");
        AssertError(clash, 5, 44, "size: the padding attribute 'status' is a field of model order");
    }
}
