package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.catalog.Catalogue;
import org.yibao.server.catalog.CatalogueItem;
import org.yibao.server.console.internal.CatalogueQueries;
import org.yibao.server.console.internal.CatalogueQueries.ItemRow;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * Changing a catalogue item from the console (R-REF-3, R-REF-5) through {@link Catalogue#change}: level,
 * self-pay share, price cap, restrictions and flags from an effective date. The category and the
 * 收费项目类别 stay as they are (they say what the item is, not how it is paid).
 */
@Controller
class CatalogueEditPages {

    private final Catalogue catalogue;
    private final CatalogueQueries queries;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final Clock clock;

    CatalogueEditPages(Catalogue catalogue, CatalogueQueries queries, MessageSource messages, RefusalTexts texts, Clock clock) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.messages = messages;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/catalogue/{admdvs}/{code}/edit")
    String form(@PathVariable String admdvs, @PathVariable String code, Authentication authentication, Model model, Locale locale) {
        Editors.require(authentication);
        ItemRow c = current(admdvs, code);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", c.name());
        values.put("chrgitm_lv", c.level());
        values.put("selfpay_prop", plain(c.selfpayProp()));
        values.put("price_cap", plain(c.priceCap()));
        values.put("min_inst_level", c.minInstLevel() == null ? "" : c.minInstLevel().toString());
        values.put("sex_restriction", c.sexRestriction() == null ? "" : c.sexRestriction());
        values.put("min_age", c.minAge() == null ? "" : c.minAge().toString());
        values.put("max_age", c.maxAge() == null ? "" : c.maxAge().toString());
        values.put("indication", c.indication() == null ? "" : c.indication());
        values.put("max_days_supplied", c.maxDaysSupplied() == null ? "" : c.maxDaysSupplied().toString());
        flag(values, "non_disease", c.nonDisease());
        flag(values, "chronic_drug", c.chronicDrug());
        flag(values, "imaging", c.imaging());
        flag(values, "bed_only", c.bedOnly());
        flag(values, "per_day", c.perDay());
        values.put("effectiveFrom", EffectiveFrom.suggest(LocalDate.now(clock), c.validFrom()).toString());
        return render(c, new EditForm(values, messages, texts, locale), model);
    }

    @PostMapping("/catalogue/{admdvs}/{code}/edit")
    String submit(@PathVariable String admdvs, @PathVariable String code, @RequestParam Map<String, String> params,
                  Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Editors.require(authentication);
        ItemRow c = current(admdvs, code);
        EditForm form = new EditForm(params, messages, texts, locale);
        CatalogueItem data = new CatalogueItem(admdvs, code, form.text("name"), c.category(), form.text("chrgitm_lv"),
                form.decimal("selfpay_prop"), form.decimal("price_cap"), c.medChrgitmType(), form.integer("min_inst_level"),
                form.text("sex_restriction"), form.integer("min_age"), form.integer("max_age"), form.text("indication"),
                form.integer("max_days_supplied"), form.flag("non_disease"), form.flag("chronic_drug"), form.flag("imaging"),
                form.flag("bed_only"), form.flag("per_day"), null, null);
        LocalDate effectiveFrom = form.date("effectiveFrom");
        if (!form.hasErrors()) {
            try {
                catalogue.change(admdvs, code, data, effectiveFrom);
                redirect.addFlashAttribute("flash", "form.saved");
                return "redirect:/catalogue/" + admdvs + "/" + code;
            } catch (InvalidInputException e) {
                form.add(e);
            } catch (ConflictException e) {
                form.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(c, form, model);
    }

    private ItemRow current(String admdvs, String code) {
        return queries.find(admdvs, code).orElseThrow(() -> new PageNotFoundException("catalogue_item", admdvs + "/" + code)).current();
    }

    private static String render(ItemRow current, EditForm form, Model model) {
        model.addAttribute("section", "catalogue");
        model.addAttribute("current", current);
        model.addAttribute("levels", CatalogueQueries.LEVELS);
        model.addAttribute("form", form);
        return "console/catalogue-edit";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void flag(Map<String, String> values, String name, boolean on) {
        if (on) {
            values.put(name, "true");
        }
    }
}
