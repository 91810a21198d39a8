package org.yibao.server.console.portal;

import java.security.Principal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.evaluation.SatisfactionSurveys;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * The satisfaction survey after a settlement (R-INST-2 indicator 4) in the insured portal: the signed-in
 * person answers once about their own settlement (the settlement page shows the form until then).
 * Someone else's settlement answers 404 like one that does not exist.
 */
@Controller
class PortalSurveyPages {

    private final SatisfactionSurveys surveys;
    private final RefusalTexts texts;

    PortalSurveyPages(SatisfactionSurveys surveys, RefusalTexts texts) {
        this.surveys = surveys;
        this.texts = texts;
    }

    @PostMapping("/portal/settlements/{setlId}/survey")
    String answer(@PathVariable String setlId, @RequestParam(required = false) String satisfied,
                  @RequestParam(required = false) String comment, Principal me, RedirectAttributes redirect) {
        try {
            surveys.answer(me.getName(), setlId, satisfied, comment);
            redirect.addFlashAttribute("surveyDone", true);
        } catch (NotFoundException e) {
            throw new PortalNotFoundException("settlement");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("surveyErrors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("surveyErrors", java.util.List.of(texts.text(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/portal/settlements/" + setlId + "#survey";
    }
}
